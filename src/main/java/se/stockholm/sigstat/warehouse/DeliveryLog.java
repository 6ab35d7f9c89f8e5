package se.stockholm.sigstat.warehouse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.io.AtomicFiles;

/**
 * The ingest ledger (leveranslogg): every delivery an ingest has looked at, with its checksum,
 * outcome and rows read / accepted / rejected per file. Appended atomically.
 */
public final class DeliveryLog {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Rows of one file of a delivery. */
  public record FileEntry(String fil, long lasta, long godkanda, long avvisade) {}

  /** One delivery's outcome. */
  public record Entry(
      String leverans,
      String stadsdel,
      String leveransdatum,
      String kontrollsumma,
      DeliveryStatus status,
      String orsak,
      double avvisadAndel,
      List<FileEntry> filer,
      String inlast) {}

  private final WarehouseLayout layout;

  public DeliveryLog(WarehouseLayout layout) {
    this.layout = layout;
  }

  public List<Entry> entries() throws IOException {
    if (!Files.isRegularFile(layout.deliveryLog())) {
      return new ArrayList<>();
    }
    return JSON.readValue(layout.deliveryLog().toFile(), new TypeReference<List<Entry>>() {});
  }

  public void append(List<Entry> newEntries) throws IOException {
    if (newEntries.isEmpty()) {
      return;
    }
    List<Entry> all = entries();
    all.addAll(newEntries);
    AtomicFiles.write(layout.deliveryLog(), JSON.writeValueAsBytes(all));
  }
}
