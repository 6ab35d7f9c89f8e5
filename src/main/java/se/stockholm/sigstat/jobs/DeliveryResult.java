package se.stockholm.sigstat.jobs;

import java.util.List;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.validation.FileCounts;

/** What became of one delivery in an ingest: its checksum, status, reason and row counts. */
public record DeliveryResult(
    Delivery delivery,
    String checksum,
    DeliveryStatus status,
    String reason,
    double rejectedShare,
    List<FileCounts> files,
    List<String> warnings) {
  public long read() {
    return files.stream().mapToLong(FileCounts::read).sum();
  }

  public long accepted() {
    return files.stream().mapToLong(FileCounts::accepted).sum();
  }

  public long rejected() {
    return files.stream().mapToLong(FileCounts::rejected).sum();
  }
}
