package se.stockholm.sigstat.publish;

import se.stockholm.sigstat.ingest.DeliveryStatus;

/**
 * What a run knows of one district's live delivery, for "data as of" and data quality; {@code
 * closedAtDissolution} counts its episodes still open when the district ceased, which sigstat ends
 * on the district's last day. Read from leveranser.json by Jackson's record support: a file written
 * before closedAtDissolution existed reads it as 0.
 */
public record DeliveryInfo(
    String district,
    String deliveryDate,
    DeliveryStatus status,
    long read,
    long accepted,
    long rejected,
    String reason,
    long closedAtDissolution) {

  public DeliveryInfo(
      String district,
      String deliveryDate,
      DeliveryStatus status,
      long read,
      long accepted,
      long rejected,
      String reason) {
    this(district, deliveryDate, status, read, accepted, rejected, reason, 0);
  }

  public DeliveryInfo withClosedAtDissolution(long episodes) {
    return new DeliveryInfo(
        district, deliveryDate, status, read, accepted, rejected, reason, episodes);
  }
}
