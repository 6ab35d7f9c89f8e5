package se.stockholm.sigstat.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Reference tables (befolkning) of the warehouse: each version in its own folder, made live by
 * atomically replacing a small pointer file, as district snapshots are.
 */
public final class ReferenceStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The pointer: which folder is live and the checksum of the file it came from. */
  public record Pointer(String folder, String checksum) {}

  private final WarehouseLayout layout;

  public ReferenceStore(WarehouseLayout layout) {
    this.layout = layout;
  }

  private Path pointerFile(String table) {
    return layout.reference(table).resolve("CURRENT");
  }

  public Optional<Pointer> current(String table) {
    Path p = pointerFile(table);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(p.toFile(), Pointer.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p, e);
    }
  }

  /** Moves a staged folder into place and makes it live; the previous version is removed. */
  public void publish(String table, Path staged, String checksum) throws IOException {
    Optional<Pointer> previous = current(table);
    String folder = "v_" + checksum.substring(0, 12);
    Path target = layout.reference(table).resolve(folder);
    if (previous.isPresent() && previous.get().folder().equals(folder)) {
      return;
    }
    AtomicFiles.deleteTree(target);
    Files.createDirectories(target.getParent());
    AtomicFiles.move(staged, target);
    AtomicFiles.writeString(pointerFile(table), JSON.writeValueAsString(new Pointer(folder, checksum)));
    previous.ifPresent(p -> AtomicFiles.deleteTree(layout.reference(table).resolve(p.folder())));
  }

  public Dataset<Row> read(SparkSession spark, String table, StructType schema) {
    Optional<Pointer> p = current(table);
    if (p.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema)
        .parquet(layout.reference(table).resolve(p.get().folder()).toString());
  }
}
