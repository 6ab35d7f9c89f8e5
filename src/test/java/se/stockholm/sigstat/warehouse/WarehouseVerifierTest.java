package se.stockholm.sigstat.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.aggregation.FollowUpStatistics;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.failure.DataException;
import se.stockholm.sigstat.ingest.Checksums;
import se.stockholm.sigstat.ingest.PseudonymKey;
import se.stockholm.sigstat.ingest.Pseudonymizer;
import se.stockholm.sigstat.jobs.AggregateJob;
import se.stockholm.sigstat.jobs.IngestJob;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.testing.DeliveryBuilder;
import se.stockholm.sigstat.testing.SharedSpark;
import se.stockholm.sigstat.testing.TestPnr;

/** File inventories recorded at commit, and the check that finds a damaged warehouse. */
@ExtendWith(SharedSpark.class)
class WarehouseVerifierTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final Pseudonymizer PSEUDONYMS =
      new Pseudonymizer(PseudonymKey.of("test-key-for-verify-0001"));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A warehouse with Farsta (two episodes, one assessment) and Bromma (one episode). */
  private static Path warehouse(SparkSession spark, Path root) throws IOException {
    Path lev = root.resolve("leveranser");
    DeliveryBuilder.minimal(lev, "FARSTA", "2025-01-31")
        .episode("P1;" + TestPnr.of("20040105", "111") + ";M;SIG_UNGA;2024-01-10;;;")
        .episode("P2;" + TestPnr.of("20030620", "222") + ";K;SIG_UNGA;2024-02-10;;;")
        .assessment("P1;INSKRIVNING;2024-01-12;BOENDE;2;")
        .write();
    DeliveryBuilder.minimal(lev, "BROMMA", "2025-01-31")
        .episode("B1;" + TestPnr.of("19990911", "333") + ";M;AVHOPPARE;2024-03-10;;;")
        .write();
    Path pop = root.resolve("befolkning.csv");
    Files.writeString(pop, "ar;stadsdel;kon;aldersgrupp;antal\n2024;FARSTA;M;18-20;900\n");
    Path wh = root.resolve("lager");
    new IngestJob(MODEL, Clock.systemDefaultZone())
        .run(spark, new IngestJob.Request(lev, wh, PSEUDONYMS, 0.05, pop));
    return wh;
  }

  private static WarehouseVerifier.Report verify(Path wh) throws IOException {
    WarehouseLayout layout = new WarehouseLayout(wh);
    return WarehouseVerifier.verify(
        new SnapshotStore(layout), new ReferenceStore(layout), List.of("befolkning"));
  }

  private static Path liveSnapshot(Path wh, String district) {
    WarehouseLayout layout = new WarehouseLayout(wh);
    return layout.snapshotDir(
        district, new SnapshotStore(layout).live(district).orElseThrow().snapshotId());
  }

  private static Path parquetFile(Path table) throws IOException {
    try (Stream<Path> s = Files.list(table)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().get();
    }
  }

  @Test
  void everyCommittedSnapshotRecordsItsFilesWithSizeChecksumAndRows(
      SparkSession spark, @TempDir Path root) throws IOException {
    Path wh = warehouse(spark, root);
    Path farsta = liveSnapshot(wh, "FARSTA");
    JsonNode inventory = JSON.readTree(farsta.resolve(FileInventory.FILE).toFile());
    assertThat(inventory.get("rader").get("insatsperioder").asLong()).isEqualTo(2);
    assertThat(inventory.get("rader").get("bedomningar").asLong()).isEqualTo(1);
    Path episodes = parquetFile(farsta.resolve("insatsperioder"));
    String rel = farsta.relativize(episodes).toString();
    JsonNode entry = null;
    for (JsonNode e : inventory.get("filer")) {
      if (e.get("fil").asText().equals(rel)) {
        entry = e;
      }
    }
    assertThat(entry).as(inventory.toString()).isNotNull();
    assertThat(entry.get("byte").asLong()).isEqualTo(Files.size(episodes));
    assertThat(entry.get("kontrollsumma").asText()).isEqualTo(Checksums.ofFile(episodes));
    assertThat(entry.get("rader").asLong()).isEqualTo(2);
    assertThat(inventory.get("filer").toString()).contains("avvisade_rader.csv");
    // The population table too.
    Path pop = new ReferenceStore(new WarehouseLayout(wh)).dir("befolkning").orElseThrow();
    assertThat(
            JSON.readTree(pop.resolve(FileInventory.FILE).toFile()).get("rader").get(".").asLong())
        .isEqualTo(1);

    WarehouseVerifier.Report report = verify(wh);
    assertThat(report.intact()).as(report.problems().toString()).isTrue();
    assertThat(report.checked())
        .extracting(WarehouseVerifier.Checked::name)
        .containsExactly("BROMMA", "FARSTA", "referens/befolkning");
  }

  @Test
  void aMissingChangedOrAddedFileIsDamageNamedByDistrictAndFile(
      SparkSession spark, @TempDir Path root) throws IOException {
    Path wh = warehouse(spark, root);
    Path farsta = liveSnapshot(wh, "FARSTA");
    Path episodes = parquetFile(farsta.resolve("insatsperioder"));
    Files.delete(episodes);
    Path assessments = parquetFile(farsta.resolve("bedomningar"));
    Files.write(assessments, new byte[] {0}, StandardOpenOption.APPEND);
    Path bromma = liveSnapshot(wh, "BROMMA");
    Files.copy(
        parquetFile(bromma.resolve("insatsperioder")),
        bromma.resolve("insatsperioder/part-99999-extra.parquet"));

    WarehouseVerifier.Report report = verify(wh);
    assertThat(report.intact()).isFalse();
    assertThat(report.problems())
        .containsExactlyInAnyOrder(
            "BROMMA: filen "
                + wh.relativize(bromma)
                + "/insatsperioder/part-99999-extra.parquet har tillkommit efter inläsningen",
            "FARSTA: filen " + wh.relativize(episodes) + " saknas",
            "FARSTA: filen "
                + wh.relativize(assessments)
                + " har ändrats ("
                + Files.size(assessments)
                + " byte, var "
                + (Files.size(assessments) - 1)
                + ")");
    assertThat(report.damage().getMessage())
        .startsWith("Lagret " + wh + " är skadat: BROMMA: filen ")
        .contains("och 2 fel till");
  }

  @Test
  void aggregationRefusesADamagedWarehouseBeforeReadingIt(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path wh = warehouse(spark, root);
    Path episodes = parquetFile(liveSnapshot(wh, "FARSTA").resolve("insatsperioder"));
    Files.delete(episodes);
    Path run = root.resolve("run");
    assertThatThrownBy(
            () ->
                new AggregateJob(MODEL)
                    .run(
                        spark,
                        wh,
                        new FollowUpStatistics.Settings(
                            List.of(ReportingPeriod.parse("2024")),
                            0,
                            ReportingPeriod.parse("2024").end()),
                        new FrequencyRule(1),
                        run))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("FARSTA: filen " + wh.relativize(episodes) + " saknas");
    assertThat(run).doesNotExist();
  }

  @Test
  void aBrokenOrMissingPointerIsDamageInSwedishWithoutAJavaClassName(
      SparkSession spark, @TempDir Path root) throws IOException {
    Path wh = warehouse(spark, root);
    WarehouseLayout layout = new WarehouseLayout(wh);
    Files.writeString(layout.currentPointer("FARSTA"), "{\"district\": \"FAR");
    assertThatThrownBy(() -> new SnapshotStore(layout).live("FARSTA"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("pekaren snapshots/FARSTA/CURRENT går inte att läsa")
        .hasMessageNotContaining("Exception")
        .hasMessageNotContaining("se.stockholm");
    Files.delete(layout.currentPointer("BROMMA"));

    assertThat(verify(wh).problems())
        .containsExactlyInAnyOrder(
            "BROMMA: pekaren snapshots/BROMMA/CURRENT saknas, fast mappen har ögonblicksbilder",
            "FARSTA: pekaren snapshots/FARSTA/CURRENT går inte att läsa");
  }

  @Test
  void aSnapshotWithoutItsInventoryIsDamage(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path wh = warehouse(spark, root);
    Path bromma = liveSnapshot(wh, "BROMMA");
    Files.delete(bromma.resolve(FileInventory.FILE));
    assertThat(verify(wh).problems())
        .containsExactly(
            "BROMMA: förteckningen "
                + wh.relativize(bromma)
                + "/_manifest.json saknas (borttagen, eller inläst av en äldre version av sigstat)");
  }
}
