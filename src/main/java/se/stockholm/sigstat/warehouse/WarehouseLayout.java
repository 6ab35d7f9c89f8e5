package se.stockholm.sigstat.warehouse;

import java.nio.file.Path;

/**
 * Where things live under the warehouse folder.
 *
 * <pre>
 * snapshots/&lt;stadsdel&gt;/CURRENT                     pointer to the district's current snapshot
 * snapshots/&lt;stadsdel&gt;/&lt;snapshot&gt;/&lt;table&gt;/*.parquet  one folder per table
 * snapshots/&lt;stadsdel&gt;/&lt;snapshot&gt;/avvisade_rader.csv  rows of that delivery that were rejected
 * referens/&lt;table&gt;/                                reference data (befolkning)
 * leveranslogg.json                                 every delivery seen: checksum, status, counts
 * avvisade_rader.csv                                rejected rows of the latest ingest
 * staging/                                          work in progress, never read as data:
 * staging/snapshots/&lt;stadsdel&gt;/&lt;snapshot&gt;/          prepared, moved into snapshots/ at commit
 * </pre>
 */
public record WarehouseLayout(Path root) {
  public static final String CURRENT = "CURRENT";

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
