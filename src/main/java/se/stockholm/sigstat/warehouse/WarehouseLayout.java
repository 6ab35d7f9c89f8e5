package se.stockholm.sigstat.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import se.stockholm.sigstat.failure.ConfigurationException;

/**
 * Where things live under the warehouse folder.
 *
 * <pre>
 * snapshots/&lt;stadsdel&gt;/CURRENT                     pointer to the district's current snapshot
 * snapshots/&lt;stadsdel&gt;/&lt;snapshot&gt;/&lt;table&gt;/*.parquet  one folder per table
 * snapshots/&lt;stadsdel&gt;/&lt;snapshot&gt;/avvisade_rader.csv  rows of that delivery that were rejected
 * snapshots/&lt;stadsdel&gt;/&lt;snapshot&gt;/_manifest.json  its files: size, SHA-256, rows (FileInventory)
 * referens/&lt;table&gt;/                                reference data (befolkning)
 * leveranslogg.json                                 every delivery seen: checksum, status, counts
 * avvisade_rader.csv                                rejected rows of the latest ingest
 * staging/                                          work in progress, never read as data:
 * staging/snapshots/&lt;stadsdel&gt;/&lt;snapshot&gt;/          prepared, moved into snapshots/ at commit
 * </pre>
 */
public record WarehouseLayout(Path root) {
  public static final String CURRENT = "CURRENT";

  /**
   * Whether the root holds a warehouse (its snapshots folder, or a delivery log when every delivery
   * so far was rejected), rather than being a missing or unrelated folder.
   */
  public boolean exists() {
    return Files.isDirectory(snapshots()) || Files.isRegularFile(deliveryLog());
  }

  /**
   * Makes an empty warehouse at the root (the caller has decided that a new one is wanted); a
   * folder that already holds something else is left alone.
   */
  public void create() throws IOException {
    if (Files.isDirectory(root)) {
      try (Stream<Path> s = Files.list(root)) {
        if (s.anyMatch(p -> !p.getFileName().toString().equals(".sigstat.lock"))) {
          throw new ConfigurationException(
              "Mappen " + root + " är inget lager (mappen snapshots saknas) och är inte tom");
        }
      }
    } else if (Files.exists(root)) {
      throw new ConfigurationException("Lagret " + root + " finns men är ingen mapp");
    }
    Files.createDirectories(snapshots());
  }

  public Path snapshots() {
    return root.resolve("snapshots");
  }

  public Path districtDir(String district) {
    return snapshots().resolve(district);
  }

  public Path currentPointer(String district) {
    return districtDir(district).resolve(CURRENT);
  }

  public Path snapshotDir(String district, String snapshotId) {
    return districtDir(district).resolve(snapshotId);
  }

  public Path reference(String table) {
    return root.resolve("referens").resolve(table);
  }

  public Path deliveryLog() {
    return root.resolve("leveranslogg.json");
  }

  public Path rejectedRowsCsv() {
    return root.resolve("avvisade_rader.csv");
  }

  public Path staging() {
    return root.resolve("staging");
  }

  /** Where a snapshot is built before it is committed. */
  public Path preparedDir(String district, String snapshotId) {
    return staging().resolve("snapshots").resolve(district).resolve(snapshotId);
  }
}
