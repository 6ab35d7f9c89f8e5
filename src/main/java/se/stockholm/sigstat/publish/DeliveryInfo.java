package se.stockholm.sigstat.publish;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import se.stockholm.sigstat.ingest.DeliveryStatus;

/**
 * What a run knows of one district's live delivery, for "data as of" and data quality; {@code
 * closedAtDissolution} counts its episodes still open when the district ceased, which sigstat ends
 * on the district's last day.
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

  /** Read from leveranser.json; a file written before closedAtDissolution existed reads as 0. */
  @JsonCreator
  public DeliveryInfo(
      @JsonProperty("district") String district,
      @JsonProperty("deliveryDate") String deliveryDate,
      @JsonProperty("status") DeliveryStatus status,
      @JsonProperty("read") long read,
      @JsonProperty("accepted") long accepted,
      @JsonProperty("rejected") long rejected,
      @JsonProperty("reason") String reason,
      @JsonProperty("closedAtDissolution") long closedAtDissolution) {
    this.district = district;
    this.deliveryDate = deliveryDate;
    this.status = status;
    this.read = read;
    this.accepted = accepted;
    this.rejected = rejected;
    this.reason = reason;
    this.closedAtDissolution = closedAtDissolution;
  }

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
