package se.stockholm.sigstat.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.warehouse.DeliveryLog;

/**
 * The delivery-log entries of an ingest: one per delivery published or rejected; an unchanged
 * delivery adds nothing, since the log already holds the entry that published it.
 */
public final class DeliveryLogEntries {
  private DeliveryLogEntries() {}

  /** The entries of {@code results}, stamped {@code at}. */
  public static List<DeliveryLog.Entry> of(List<DeliveryResult> results, Instant at) {
    String stamp = at.toString();
    List<DeliveryLog.Entry> entries = new ArrayList<>();
    for (DeliveryResult r : results) {
      if (!r.status().isPublished() && !r.status().isRejected()) {
        continue;
      }
      List<DeliveryLog.FileEntry> files =
          r.files().stream()
              .map(f -> new DeliveryLog.FileEntry(f.file(), f.read(), f.accepted(), f.rejected()))
              .toList();
      entries.add(
          new DeliveryLog.Entry(
              r.delivery().label(),
              r.delivery().district(),
              // The folder's own name when it is no date, so that reports can show it.
              r.delivery().folder(),
              r.checksum(),
              r.status(),
              r.reason(),
              r.rejectedShare(),
              files,
              stamp));
    }
    return entries;
  }
}
