package se.stockholm.sigstat.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The district snapshots of the warehouse. A snapshot is written beside the live one and made
 * live by atomically replacing the district's CURRENT pointer, so a reader sees the old or the
 * new snapshot of every table, never a mix, and a killed ingest changes nothing.
 */
public final class SnapshotStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final WarehouseLayout layout;

  public SnapshotStore(WarehouseLayout layout) {
    this.layout = layout;
  }

  public WarehouseLayout layout() {
    return layout;
  }

  public Optional<SnapshotPointer> current(String district) {
    Path pointer = layout.currentPointer(district);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(pointer.toFile(), SnapshotPointer.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read snapshot pointer " + pointer, e);
    }
  }

  /** Every district's live snapshot, in district-code order. */
  public List<SnapshotPointer> currentAll() {
    List<SnapshotPointer> all = new ArrayList<>();
    if (!Files.isDirectory(layout.snapshots())) {
      return all;
    }
    try (Stream<Path> s = Files.list(layout.snapshots())) {
      for (Path d : s.sorted().toList()) {
        current(d.getFileName().toString()).ifPresent(all::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + layout.snapshots(), e);
    }
    return all;
  }

  /**
   * Makes {@code snapshotId} live: the staged table folders are moved into the snapshot folder,
   * then CURRENT is replaced in one rename, then the previous snapshot is removed.
   */
  public void publish(SnapshotPointer next, Map<String, Path> stagedTables, Path rejectedCsv)
      throws IOException {
    Optional<SnapshotPointer> previous = current(next.district());
    if (previous.isPresent() && previous.get().snapshotId().equals(next.snapshotId())) {
      throw new IllegalStateException("Snapshot " + next.snapshotId() + " of " + next.district()
          + " is already live; an unchanged delivery is not published again");
    }
    // Leftovers of a killed run are never live: clear them before building.
    Path target = layout.snapshotDir(next.district(), next.snapshotId());
    AtomicFiles.deleteTree(target);
    Path building = layout.snapshotDir(next.district(), "." + next.snapshotId() + ".building");
    AtomicFiles.deleteTree(building);
    Files.createDirectories(building);
    for (Map.Entry<String, Path> e : stagedTables.entrySet()) {
      if (Files.isDirectory(e.getValue())) {
        AtomicFiles.move(e.getValue(), building.resolve(e.getKey()));
      }
    }
    if (rejectedCsv != null) {
      Files.copy(rejectedCsv, building.resolve("avvisade_rader.csv"));
    }
    AtomicFiles.move(building, target);
    AtomicFiles.writeString(layout.currentPointer(next.district()),
        JSON.writeValueAsString(next));
    previous.ifPresent(p -> AtomicFiles.deleteTree(layout.snapshotDir(p.district(), p.snapshotId())));
  }

  /** The live rows of one table across all districts (empty with the schema if none). */
  public Dataset<Row> read(SparkSession spark, String table, StructType schema) {
    List<String> paths = new ArrayList<>();
    for (SnapshotPointer p : currentAll()) {
      Path dir = layout.snapshotDir(p.district(), p.snapshotId()).resolve(table);
      if (Files.isDirectory(dir)) {
        paths.add(dir.toString());
      }
    }
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(paths.toArray(String[]::new));
  }
}
