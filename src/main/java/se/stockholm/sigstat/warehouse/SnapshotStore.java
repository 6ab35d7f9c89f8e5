package se.stockholm.sigstat.warehouse;

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
import se.stockholm.sigstat.io.AtomicFiles;

/**
 * The district snapshots of the warehouse. A snapshot is written beside the live one and made live
 * by atomically replacing the district's CURRENT pointer, so a reader sees the old or the new
 * snapshot of every table, never a mix, and a killed ingest changes nothing.
 */
public final class SnapshotStore {
  private final WarehouseLayout layout;
  private final PointerFile<SnapshotPointer> pointers;

  /** Prepared but not yet committed snapshots this view reads instead of the live ones. */
  private final Map<String, SnapshotPointer> pending;

  public SnapshotStore(WarehouseLayout layout) {
    this(layout, Map.of());
  }

  private SnapshotStore(WarehouseLayout layout, Map<String, SnapshotPointer> pending) {
    this.layout = layout;
    this.pending = pending;
    this.pointers =
        new PointerFile<>(
            layout,
            SnapshotPointer.class,
            p -> p.snapshotId() != null && p.district() != null && p.checksum() != null,
            SnapshotPointer::snapshotId);
  }

  /** A view in which the prepared snapshots are read as if they were committed. */
  public SnapshotStore withPending(List<SnapshotPointer> prepared) {
    Map<String, SnapshotPointer> m = new java.util.HashMap<>(pending);
    prepared.forEach(p -> m.put(p.district(), p));
    return new SnapshotStore(layout, Map.copyOf(m));
  }

  public WarehouseLayout layout() {
    return layout;
  }

  public Optional<SnapshotPointer> current(String district) {
    if (pending.containsKey(district)) {
      return Optional.of(pending.get(district));
    }
    return live(district);
  }

  /** The committed snapshot of a district, whatever this view has pending. */
  public Optional<SnapshotPointer> live(String district) {
    return pointers.read(layout.currentPointer(district), district);
  }

  /** Every district's snapshot in this view (live, or pending), in district-code order. */
  public List<SnapshotPointer> currentAll() {
    List<SnapshotPointer> all = new ArrayList<>();
    for (String d : districts()) {
      current(d).ifPresent(all::add);
    }
    return all;
  }

  /** Every district with a folder in the warehouse or a pending snapshot, in code order. */
  public java.util.SortedSet<String> districts() {
    java.util.SortedSet<String> districts = new java.util.TreeSet<>(pending.keySet());
    if (Files.isDirectory(layout.snapshots())) {
      try (Stream<Path> s = Files.list(layout.snapshots())) {
        s.filter(Files::isDirectory).forEach(d -> districts.add(d.getFileName().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + layout.snapshots(), e);
      }
    }
    return districts;
  }

  /**
   * Where a snapshot of this view lies: where it was prepared if pending, else under snapshots/.
   */
  public Path dir(SnapshotPointer p) {
    return pending.containsKey(p.district())
            && pending.get(p.district()).snapshotId().equals(p.snapshotId())
        ? layout.preparedDir(p.district(), p.snapshotId())
        : layout.snapshotDir(p.district(), p.snapshotId());
  }

  /** Makes a snapshot live at once: {@link #prepare} then {@link #commit}. */
  public void publish(SnapshotPointer next, Map<String, Path> stagedTables, Path rejectedCsv)
      throws IOException {
    prepare(next, stagedTables, rejectedCsv);
    commit(next);
  }

  /**
   * Builds a snapshot under staging/: the staged table folders are moved into its folder. Nothing
   * reads it as data until {@link #commit} moves it into snapshots/; a run killed before that
   * leaves the snapshots exactly as they were.
   */
  public void prepare(SnapshotPointer next, Map<String, Path> stagedTables, Path rejectedCsv)
      throws IOException {
    Optional<SnapshotPointer> previous = live(next.district());
    if (previous.isPresent() && previous.get().snapshotId().equals(next.snapshotId())) {
      throw new IllegalStateException(
          "Snapshot "
              + next.snapshotId()
              + " of "
              + next.district()
              + " is already live; an unchanged delivery is not published again");
    }
    Path target = layout.preparedDir(next.district(), next.snapshotId());
    AtomicFiles.deleteTree(target);
    Files.createDirectories(target);
    for (Map.Entry<String, Path> e : stagedTables.entrySet()) {
      if (Files.isDirectory(e.getValue())) {
        AtomicFiles.move(e.getValue(), target.resolve(e.getKey()));
      }
    }
    if (rejectedCsv != null) {
      Files.copy(rejectedCsv, target.resolve("avvisade_rader.csv"));
    }
    // The file list is taken while nothing else can touch the folder, and moves with it.
    FileInventory.record(target);
  }

  /**
   * Moves a prepared snapshot into snapshots/ and makes it live by replacing CURRENT in one rename;
   * the previous snapshot is then removed.
   */
  public void commit(SnapshotPointer next) throws IOException {
    Path prepared = layout.preparedDir(next.district(), next.snapshotId());
    Path target = layout.snapshotDir(next.district(), next.snapshotId());
    if (Files.isDirectory(prepared)) {
      AtomicFiles.deleteTree(target);
      Files.createDirectories(target.getParent());
      AtomicFiles.move(prepared, target);
    }
    pointers.replace(
        layout.currentPointer(next.district()),
        next,
        layout.snapshots().resolve(next.district()),
        next.district());
  }

  /** Removes snapshot folders no CURRENT points at (left by a killed run). */
  public void removeUncommitted() throws IOException {
    if (!Files.isDirectory(layout.snapshots())) {
      return;
    }
    try (Stream<Path> districts = Files.list(layout.snapshots())) {
      for (Path d : districts.filter(Files::isDirectory).toList()) {
        String district = d.getFileName().toString();
        pointers.removeUnnamed(layout.currentPointer(district), d, district);
      }
    }
  }

  /**
   * The live rows of one table across all districts (empty with the schema if none); a pending
   * snapshot of this view is read from where it was prepared.
   */
  public Dataset<Row> read(SparkSession spark, String table, StructType schema) {
    List<String> paths = livePaths(table);
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(paths.toArray(String[]::new));
  }

  /** The Parquet folders holding the live rows of one table, one per district. */
  public List<String> livePaths(String table) {
    List<String> paths = new ArrayList<>();
    for (SnapshotPointer p : currentAll()) {
      Path dir = dir(p).resolve(table);
      if (Files.isDirectory(dir)) {
        paths.add(dir.toString());
      }
    }
    return paths;
  }
}
