package se.stockholm.sigstat.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.warehouse.DeliveryLog;
import se.stockholm.sigstat.warehouse.SnapshotPointer;
import se.stockholm.sigstat.warehouse.SnapshotStore;

/**
 * {@code leveranser.json} of a run folder: each district's live delivery with its row counts, and
 * deliveries rejected since, so reports show "data as of" and data quality without reading the
 * warehouse.
 */
public final class RunDeliveries {
  public static final String FILE = "leveranser.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunDeliveries() {}

  /**
   * @param pendingLog delivery-log entries of an ingest not yet committed (read after the log)
   */
  public static List<DeliveryInfo> fromWarehouse(
      SnapshotStore store, List<DeliveryLog.Entry> pendingLog) throws IOException {
    List<DeliveryLog.Entry> log = new ArrayList<>(new DeliveryLog(store.layout()).entries());
    log.addAll(pendingLog);
    List<DeliveryInfo> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (SnapshotPointer p : store.currentAll()) {
      DeliveryLog.Entry live = null;
      DeliveryLog.Entry rejectedLater = null;
      for (DeliveryLog.Entry e : log) {
        if (!e.stadsdel().equals(p.district())) {
          continue;
        }
        if (e.kontrollsumma().equals(p.checksum()) && e.status() == DeliveryStatus.PUBLICERAD) {
          live = e;
          rejectedLater = null;
        } else if (live != null && e.status() == DeliveryStatus.AVVISAD) {
          rejectedLater = e;
        }
      }
      long[] counts = counts(live);
      out.add(
          new DeliveryInfo(
              p.district(),
              p.deliveryDate(),
              DeliveryStatus.PUBLICERAD,
              counts[0],
              counts[1],
              counts[2],
              null));
      seen.add(p.district());
      if (rejectedLater != null) {
        long[] c = counts(rejectedLater);
        out.add(
            new DeliveryInfo(
                p.district(),
                rejectedLater.leveransdatum(),
                DeliveryStatus.AVVISAD,
                c[0],
                c[1],
                c[2],
                rejectedLater.orsak()));
      }
    }
    // A district whose first delivery was rejected has no snapshot, but reports must say so.
    java.util.Map<String, DeliveryLog.Entry> lastRejected = new java.util.LinkedHashMap<>();
    for (DeliveryLog.Entry e : log) {
      if (!seen.contains(e.stadsdel()) && e.status() == DeliveryStatus.AVVISAD) {
        lastRejected.put(e.stadsdel(), e);
      }
    }
    for (DeliveryLog.Entry e : lastRejected.values()) {
      long[] c = counts(e);
      out.add(
          new DeliveryInfo(
              e.stadsdel(),
              e.leveransdatum(),
              DeliveryStatus.AVVISAD,
              c[0],
              c[1],
              c[2],
              e.orsak()));
    }
    return out;
  }

  private static long[] counts(DeliveryLog.Entry e) {
    long[] c = new long[3];
    if (e != null) {
      for (DeliveryLog.FileEntry f : e.filer()) {
        c[0] += f.lasta();
        c[1] += f.godkanda();
        c[2] += f.avvisade();
      }
    }
    return c;
  }

  public static void write(Path runDir, List<DeliveryInfo> deliveries) throws IOException {
    AtomicFiles.write(runDir.resolve(FILE), JSON.writeValueAsBytes(deliveries));
  }

  public static List<DeliveryInfo> read(Path runDir) throws IOException {
    Path f = runDir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return List.of();
    }
    return JSON.readValue(f.toFile(), new TypeReference<List<DeliveryInfo>>() {});
  }
}
