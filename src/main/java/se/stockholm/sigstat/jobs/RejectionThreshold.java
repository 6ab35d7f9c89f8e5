package se.stockholm.sigstat.jobs;

import java.util.List;
import java.util.Locale;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.validation.FileCounts;

/**
 * The rejection threshold: a delivery whose share of rejected rows is above {@code maxShare} (a
 * fraction, 0.05 = 5 %) is not published, and the district's previous snapshot stays.
 */
public record RejectionThreshold(double maxShare) {

  /** The threshold of a setting given in percent. */
  public static RejectionThreshold percent(double percent) {
    return new RejectionThreshold(percent / 100.0);
  }

  /** Publishes or rejects a read delivery by the rejected share of its rows. */
  public DeliveryResult judge(DeliveryInspection inspection, List<FileCounts> files) {
    long read = files.stream().mapToLong(FileCounts::read).sum();
    long rejected = files.stream().mapToLong(FileCounts::rejected).sum();
    double share = read == 0 ? 0 : (double) rejected / read;
    boolean over = share > maxShare;
    return new DeliveryResult(
        inspection.delivery(),
        inspection.checksum(),
        over ? DeliveryStatus.AVVISAD : DeliveryStatus.PUBLICERAD,
        over ? reason(share) : null,
        share,
        files,
        inspection.warnings());
  }

  private String reason(double share) {
    return String.format(
            Locale.ROOT,
            "andelen avvisade rader %.1f %% överstiger gränsen %.1f %%; föregående leverans gäller",
            share * 100,
            maxShare * 100)
        .replace('.', ',');
  }
}
