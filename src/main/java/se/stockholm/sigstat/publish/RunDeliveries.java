package se.stockholm.sigstat.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.reporting.DeliveryInfo;
import se.stockholm.sigstat.warehouse.AtomicFiles;
import se.stockholm.sigstat.warehouse.DeliveryLog;
import se.stockholm.sigstat.warehouse.SnapshotPointer;
import se.stockholm.sigstat.warehouse.SnapshotStore;

/**
 * {@code leveranser.json} of a run folder: each district's live delivery with its row counts,
 * and deliveries rejected since, so reports show "data as of" and data quality without reading
 * the warehouse.
 */
public final class RunDeliveries {
  public static final String FILE = "leveranser.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunDeliveries() {}

  public static List<DeliveryInfo> fromWarehouse(SnapshotStore store) throws IOException {
    List<DeliveryLog.Entry> log = new DeliveryLog(store.layout()).entries();
    List<DeliveryInfo> out = new ArrayList<>();
    for (SnapshotPointer p : store.currentAll()) {
      DeliveryLog.Entry live = null;
      DeliveryLog.Entry rejectedLater = null;
      for (DeliveryLog.Entry e : log) {
        if (!e.stadsdel().equals(p.district())) {
          continue;
        }
        if (e.kontrollsumma().equals(p.checksum()) && e.status() == DeliveryLog.Status.PUBLICERAD) {
          live = e;
          rejectedLater = null;
        } else if (live != null && e.status() == DeliveryLog.Status.AVVISAD) {
          rejectedLater = e;
        }
      }
      long[] counts = counts(live);
      out.add(new DeliveryInfo(p.district(), p.deliveryDate(), "PUBLICERAD", counts[0], counts[1],
          counts[2], null));
      if (rejectedLater != null) {
        long[] c = counts(rejectedLater);
        out.add(new DeliveryInfo(p.district(), rejectedLater.leveransdatum(), "AVVISAD", c[0],
            c[1], c[2], rejectedLater.orsak()));
      }
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
