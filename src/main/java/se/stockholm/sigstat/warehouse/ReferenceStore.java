package se.stockholm.sigstat.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import se.stockholm.sigstat.io.AtomicFiles;

/**
 * Reference tables (befolkning) of the warehouse: each version in its own folder, made live by
 * atomically replacing a small pointer file, as district snapshots are.
 */
public final class ReferenceStore {
  /** The pointer: which folder is live and the checksum of the file it came from. */
  public record Pointer(String folder, String checksum) {}

  private final WarehouseLayout layout;
  private final PointerFile<Pointer> pointers;

  /** Versions prepared by a deferred ingest, read as if live (this run's view only). */
  private final Map<String, Pointer> pending;

  public ReferenceStore(WarehouseLayout layout) {
    this(layout, Map.of());
  }

  private ReferenceStore(WarehouseLayout layout, Map<String, Pointer> pending) {
    this.layout = layout;
    this.pending = Map.copyOf(pending);
    this.pointers =
        new PointerFile<>(
            layout,
            Pointer.class,
            p -> p.folder() != null && p.checksum() != null,
            Pointer::folder);
  }

  /** A view in which the prepared versions count as live. */
  public ReferenceStore withPending(Map<String, Pointer> prepared) {
    return new ReferenceStore(layout, prepared);
  }

  private Path pointerFile(String table) {
    return layout.reference(table).resolve("CURRENT");
  }

  /** The version this view reads: a pending one, else the live one. */
  public Optional<Pointer> current(String table) {
    return pending.containsKey(table) ? Optional.of(pending.get(table)) : live(table);
  }

  /** The version the warehouse's pointer names. */
  public Optional<Pointer> live(String table) {
    return pointers.read(pointerFile(table), "");
  }

  /** Where the version this view reads lies, if there is one. */
  public Optional<Path> dir(String table) {
    return current(table).map(p -> layout.reference(table).resolve(p.folder()));
  }

  /** Moves a staged folder into place and makes it live; the previous version is removed. */
  public void publish(String table, Path staged, String checksum) throws IOException {
    commit(table, prepare(table, staged, checksum));
  }

  /**
   * Moves a staged folder beside the live version without making it live: until {@link #commit},
   * readers of the warehouse still see the previous version.
   */
  public Pointer prepare(String table, Path staged, String checksum) throws IOException {
    Pointer next = new Pointer("v_" + checksum.substring(0, 12), checksum);
    Optional<Pointer> previous = live(table);
    if (previous.isPresent() && previous.get().folder().equals(next.folder())) {
      return previous.get();
    }
    Path target = layout.reference(table).resolve(next.folder());
    AtomicFiles.deleteTree(target);
    Files.createDirectories(target.getParent());
    AtomicFiles.move(staged, target);
    FileInventory.record(target);
    return next;
  }

  /** Makes a prepared version live by replacing the pointer; the previous version is removed. */
  public void commit(String table, Pointer next) throws IOException {
    Optional<Pointer> previous = live(table);
    if (previous.isPresent() && previous.get().folder().equals(next.folder())) {
      return;
    }
    pointers.replace(pointerFile(table), next, layout.reference(table), "");
  }

  /** Removes versions a killed run prepared but never made live. */
  public void removeUncommitted(String table) throws IOException {
    pointers.removeUnnamed(pointerFile(table), layout.reference(table), "");
  }

  public Dataset<Row> read(SparkSession spark, String table, StructType schema) {
    Optional<Pointer> p = current(table);
    if (p.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark
        .read()
        .schema(schema)
        .parquet(layout.reference(table).resolve(p.get().folder()).toString());
  }
}
