package se.stockholm.sigstat.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryFinder;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.validation.RejectedRowsLedger;
import se.stockholm.sigstat.warehouse.DeliveryLog;

/**
 * Decides, before a row is read, what an ingest does with each delivery it found: which folder is a
 * district's newest delivery, and whether that delivery is unchanged, rejected as a whole or to be
 * read. Pure: the ingest's shell inspects the folders and reads the warehouse for it.
 */
public final class DeliveryTriage {
  private DeliveryTriage() {}

  /**
   * A district's folders: the newest one that can be its delivery (null if none) and the folders
   * that cannot, because their name is no date or a date in the future.
   */
  public record Candidates(DeliveryFinder.Found newest, List<DeliveryFinder.Found> misdated) {}

  /** Splits a district's folders, newest first as the finder lists them. */
  public static Candidates candidates(List<DeliveryFinder.Found> found) {
    DeliveryFinder.Found newest = null;
    List<DeliveryFinder.Found> misdated = new ArrayList<>();
    for (DeliveryFinder.Found f : found) {
      if (f.misdated()) {
        // Not a delivery the district can mean as its newest: rejected with its reason.
        misdated.add(f);
      } else if (newest == null) {
        newest = f;
      }
    }
    return new Candidates(newest, misdated);
  }

  /**
   * What becomes of a district's newest delivery without reading it, or empty when it must be read:
   * unchanged when its bytes are the live snapshot's, rejected when a file fault rejects it,
   * rejected again when the log rejected these very bytes for their rows.
   *
   * @param liveChecksum the checksum of the district's live snapshot, if it has one
   * @param log the delivery log as it stands
   */
  public static Optional<DeliveryResult> decide(
      DeliveryInspection inspection, Optional<String> liveChecksum, List<DeliveryLog.Entry> log) {
    if (inspection.acceptable()
        && liveChecksum.isPresent()
        && liveChecksum.get().equals(inspection.checksum())) {
      return Optional.of(
          new DeliveryResult(
              inspection.delivery(),
              inspection.checksum(),
              DeliveryStatus.OFORANDRAD,
              null,
              0,
              List.of(),
              inspection.warnings()));
    }
    if (!inspection.acceptable()) {
      return Optional.of(rejectedAsAWhole(inspection));
    }
    return lastRejectedByRows(log, inspection.delivery(), inspection.checksum())
        .map(
            prev ->
                // Same bytes as a delivery already rejected for its rows: not worth reading again.
                new DeliveryResult(
                    inspection.delivery(),
                    inspection.checksum(),
                    DeliveryStatus.AVVISAD,
                    prev.orsak() + " (oförändrad sedan förra inläsningen)",
                    prev.avvisadAndel(),
                    prev.filer().stream()
                        .map(
                            f ->
                                new FileCounts(
                                    inspection.delivery().id(),
                                    f.fil(),
                                    f.lasta(),
                                    f.godkanda(),
                                    f.avvisade()))
                        .toList(),
                    inspection.warnings()));
  }

  /** A delivery rejected as a whole at file or folder level, with all its faults as the reason. */
  public static DeliveryResult rejectedAsAWhole(DeliveryInspection inspection) {
    return new DeliveryResult(
        inspection.delivery(),
        inspection.checksum(),
        DeliveryStatus.AVVISAD,
        String.join(
            "; ", inspection.faults().stream().map(DeliveryInspection.FileFault::reason).toList()),
        1.0,
        List.of(),
        inspection.warnings());
  }

  /** The ledger rows of a delivery's file-level faults, one per fault. */
  public static List<RejectedRowsLedger.Entry> ledgerRows(DeliveryInspection inspection) {
    Delivery d = inspection.delivery();
    return inspection.faults().stream()
        .map(f -> new RejectedRowsLedger.Entry(d.label(), f.file(), null, null, null, f.reason()))
        .toList();
  }

  /**
   * The log's last word on this delivery if it was a rejection for its rows with these very bytes.
   * A file- or folder-level rejection is always judged afresh: it is cheap, and its reason may no
   * longer hold (a delivery dated in the future is one day no longer in the future).
   */
  static Optional<DeliveryLog.Entry> lastRejectedByRows(
      List<DeliveryLog.Entry> log, Delivery d, String checksum) {
    DeliveryLog.Entry last = null;
    for (DeliveryLog.Entry e : log) {
      if (e.leverans().equals(d.label())) {
        last = e;
      }
    }
    return Optional.ofNullable(last)
        .filter(
            e ->
                e.status().isRejected()
                    && e.kontrollsumma().equals(checksum)
                    && e.filer() != null
                    && !e.filer().isEmpty());
  }
}
