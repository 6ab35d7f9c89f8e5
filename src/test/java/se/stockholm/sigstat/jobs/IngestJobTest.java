package se.stockholm.sigstat.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.generate.DeliveryGenerator;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.ingest.PseudonymKey;
import se.stockholm.sigstat.ingest.Pseudonymizer;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.spark.SparkWork;
import se.stockholm.sigstat.testing.DeliveryBuilder;
import se.stockholm.sigstat.testing.SharedSpark;
import se.stockholm.sigstat.testing.TestPnr;
import se.stockholm.sigstat.warehouse.DeliveryLog;
import se.stockholm.sigstat.warehouse.ReferenceStore;
import se.stockholm.sigstat.warehouse.SnapshotStore;
import se.stockholm.sigstat.warehouse.WarehouseLayout;

/** Snapshot replacement, rejected deliveries and idempotency of the ingest job. */
@ExtendWith(SharedSpark.class)
class IngestJobTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final Pseudonymizer PSEUDONYMS =
      new Pseudonymizer(PseudonymKey.of("test-key-for-ingest-0001"));
  private static final String A = TestPnr.of("20040105", "111");
  private static final String B = TestPnr.of("20030620", "222");
  private static final String C = TestPnr.of("19990911", "333");

  /**
   * One write per table, with its rejected rows observed on the side 5; the episodes sent to the
   * joins of the two files that refer to them 2 (at these sizes Spark broadcasts them); the
   * population table 1 (its rejected rows observed on the side of its write, as the deliveries').
   */
  private static final long MAX_SPARK_JOBS = 8;

  private static IngestJob.Result ingest(SparkSession spark, Path leveranser, Path warehouse)
      throws IOException {
    return new IngestJob(MODEL, Clock.systemDefaultZone())
        .run(spark, new IngestJob.Request(leveranser, warehouse, PSEUDONYMS, 0.05));
  }

  private static Dataset<Row> table(SparkSession spark, Path warehouse, String name) {
    FileSpec spec = MODEL.deliveryFile(name);
    return new SnapshotStore(new WarehouseLayout(warehouse))
        .read(spark, name, SparkSchemas.warehouse(spec));
  }

  @Test
  void aNewerDeliveryReplacesTheDistrictsSnapshot(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path lev = root.resolve("leveranser");
    Path wh = root.resolve("warehouse");
    DeliveryBuilder.minimal(lev, "FARSTA", "2025-01-31")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
        .episode("P2;" + B + ";K;SIG_UNGA;2024-02-10;;;")
        .assessment("P1;INSKRIVNING;2024-01-12;BOENDE;2;")
        .write();
    DeliveryBuilder.minimal(lev, "BROMMA", "2025-01-31")
        .episode("B1;" + C + ";M;AVHOPPARE;2024-03-10;;;")
        .write();
    assertThat(ingest(spark, lev, wh).deliveries())
        .extracting(DeliveryResult::status)
        .containsOnly(DeliveryStatus.PUBLICERAD);
    assertThat(table(spark, wh, "insatsperioder").count()).isEqualTo(3);

    DeliveryBuilder.minimal(lev, "FARSTA", "2025-02-28")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;2025-02-01;PLANERAT;")
        .episode("P2;" + B + ";K;SIG_UNGA;2024-02-10;;;")
        .episode("P3;" + C + ";M;SIG_UNGA_VUXNA;2025-02-10;;;")
        .write();
    IngestJob.Result second = ingest(spark, lev, wh);
    assertThat(second.deliveries())
        .extracting(d -> d.delivery().label(), d -> d.status())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("BROMMA/2025-01-31", DeliveryStatus.OFORANDRAD),
            org.assertj.core.groups.Tuple.tuple("FARSTA/2025-02-28", DeliveryStatus.PUBLICERAD));
    Dataset<Row> farsta = table(spark, wh, "insatsperioder").filter("stadsdel = 'FARSTA'");
    assertThat(farsta.count()).isEqualTo(3);
    assertThat(farsta.select("leveransdatum").distinct().collectAsList())
        .extracting(r -> r.get(0))
        .containsExactly(LocalDate.of(2025, 2, 28));
    assertThat(table(spark, wh, "bedomningar").count()).isZero();
    try (Stream<Path> s = Files.list(wh.resolve("snapshots/FARSTA"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .hasSize(2)
          .contains("CURRENT")
          .anyMatch(n -> n.startsWith("2025-02-28_"));
    }
    // The same person in two districts gets the same pseudonym.
    assertThat(table(spark, wh, "insatsperioder").select(SparkSchemas.PERSON_ID).distinct().count())
        .isEqualTo(3);
  }

  @Test
  void aRejectedDeliveryKeepsThePreviousSnapshot(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path lev = root.resolve("leveranser");
    Path wh = root.resolve("warehouse");
    DeliveryBuilder.minimal(lev, "FARSTA", "2025-01-31")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
        .episode("P2;" + B + ";K;SIG_UNGA;2024-02-10;;;")
        .write();
    ingest(spark, lev, wh);
    String pointerBefore = Files.readString(wh.resolve("snapshots/FARSTA/CURRENT"));

    DeliveryBuilder.minimal(lev, "FARSTA", "2025-02-28")
        .without("bedomningar.csv")
        .episode("P9;" + C + ";M;SIG_UNGA;2024-01-10;;;")
        .write();
    IngestJob.Result fileFault = ingest(spark, lev, wh);
    assertThat(fileFault.partial()).isTrue();
    assertThat(fileFault.deliveries().get(0).reason())
        .isEqualTo("den obligatoriska filen bedomningar.csv saknas");
    assertThat(Files.readString(wh.resolve("snapshots/FARSTA/CURRENT"))).isEqualTo(pointerBefore);
    assertThat(Files.readAllLines(wh.resolve("avvisade_rader.csv")))
        .containsExactly(
            "leverans;fil;rad;kolumn;varde;orsak",
            "FARSTA/2025-02-28;bedomningar.csv;;;;den obligatoriska filen bedomningar.csv saknas");

    // One bad row of two is 50 % rejected: over the 5 % threshold, not published.
    DeliveryBuilder.minimal(lev, "FARSTA", "2025-03-31")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
        .episode("P2;" + B + ";Q;SIG_UNGA;2024-02-10;;;")
        .write();
    IngestJob.Result overThreshold = ingest(spark, lev, wh);
    assertThat(overThreshold.deliveries().get(0).status()).isEqualTo(DeliveryStatus.AVVISAD);
    assertThat(overThreshold.deliveries().get(0).reason())
        .isEqualTo(
            "andelen avvisade rader 50,0 % överstiger gränsen 5,0 %; föregående leverans gäller");
    assertThat(Files.readString(wh.resolve("snapshots/FARSTA/CURRENT"))).isEqualTo(pointerBefore);
    assertThat(table(spark, wh, "insatsperioder").count()).isEqualTo(2);
    assertThat(new DeliveryLog(new WarehouseLayout(wh)).entries())
        .extracting(DeliveryLog.Entry::leverans, DeliveryLog.Entry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FARSTA/2025-01-31", DeliveryStatus.PUBLICERAD),
            org.assertj.core.groups.Tuple.tuple("FARSTA/2025-02-28", DeliveryStatus.AVVISAD),
            org.assertj.core.groups.Tuple.tuple("FARSTA/2025-03-31", DeliveryStatus.AVVISAD));

    // Unchanged and still rejected: reported again without being read again.
    IngestJob.Result again = ingest(spark, lev, wh);
    assertThat(again.partial()).isTrue();
    assertThat(again.deliveries().get(0).reason()).endsWith("(oförändrad sedan förra inläsningen)");
    assertThat(new DeliveryLog(new WarehouseLayout(wh)).entries()).hasSize(4);
  }

  @Test
  void aDeferredIngestChangesNothingUntilItIsCommitted(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path lev = root.resolve("leveranser");
    Path wh = root.resolve("warehouse");
    DeliveryBuilder.minimal(lev, "FARSTA", "2025-01-31")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
        .write();
    IngestJob.Result r =
        new IngestJob(MODEL, Clock.systemDefaultZone())
            .run(spark, new IngestJob.Request(lev, wh, PSEUDONYMS, 0.05, null, true));
    assertThat(r.pending().snapshots()).hasSize(1);
    assertThat(Files.exists(wh.resolve("snapshots/FARSTA/CURRENT"))).isFalse();
    assertThat(Files.exists(wh.resolve("leveranslogg.json"))).isFalse();
    assertThat(table(spark, wh, "insatsperioder").count()).isZero();
    SnapshotStore overlay =
        new SnapshotStore(new WarehouseLayout(wh)).withPending(r.pending().snapshots());
    assertThat(
            overlay
                .read(
                    spark,
                    "insatsperioder",
                    SparkSchemas.warehouse(MODEL.deliveryFile("insatsperioder")))
                .count())
        .isEqualTo(1);

    IngestJob.commit(r);
    assertThat(table(spark, wh, "insatsperioder").count()).isEqualTo(1);
    assertThat(new DeliveryLog(new WarehouseLayout(wh)).entries()).hasSize(1);
    assertThat(Files.exists(wh.resolve("staging"))).isFalse();
  }

  @Test
  void aDeferredIngestPreparesANewPopulationTableButKeepsTheOldOneLiveUntilCommitted(
      SparkSession spark, @TempDir Path root) throws IOException {
    Path lev = root.resolve("leveranser");
    Path wh = root.resolve("warehouse");
    DeliveryBuilder.minimal(lev, "FARSTA", "2025-01-31")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
        .write();
    Path pop = root.resolve("befolkning.csv");
    Files.writeString(pop, "ar;stadsdel;kon;aldersgrupp;antal\n2024;FARSTA;M;18-20;900\n");
    new IngestJob(MODEL, Clock.systemDefaultZone())
        .run(spark, new IngestJob.Request(lev, wh, PSEUDONYMS, 0.05, pop));
    Files.writeString(
        pop,
        "ar;stadsdel;kon;aldersgrupp;antal\n2024;FARSTA;M;18-20;950\n"
            + "2024;FARSTA;K;18-20;870\n");

    IngestJob.Result r =
        new IngestJob(MODEL, Clock.systemDefaultZone())
            .run(spark, new IngestJob.Request(lev, wh, PSEUDONYMS, 0.05, pop, true));
    ReferenceStore store = new ReferenceStore(new WarehouseLayout(wh));
    StructType schema = SparkSchemas.reference(MODEL.referenceFile("befolkning"));
    assertThat(store.read(spark, "befolkning", schema).count()).isEqualTo(1);
    assertThat(
            store.withPending(r.pending().references()).read(spark, "befolkning", schema).count())
        .isEqualTo(2);

    IngestJob.commit(r);
    assertThat(store.read(spark, "befolkning", schema).count()).isEqualTo(2);
    try (Stream<Path> versions = Files.list(wh.resolve("referens/befolkning"))) {
      assertThat(versions.filter(Files::isDirectory)).hasSize(1);
    }
  }

  /**
   * Spark's fixed cost per job dominates at city size: every district's delivery and the population
   * table are ingested in a pinned number of jobs, however many districts deliver. Raise the bound
   * only with a reason.
   */
  @Test
  void allDeliveriesAreIngestedInAPinnedNumberOfSparkJobs(SparkSession spark, @TempDir Path root)
      throws IOException {
    DeliveryGenerator.Summary generated =
        new DeliveryGenerator(
                MODEL, new DeliveryGenerator.Options(150, 7, LocalDate.of(2025, 6, 30), 0.01))
            .generate(root);
    SparkWork work = SparkWork.of(spark);
    SparkWork.Counts before = work.counts();
    IngestJob.Result result =
        new IngestJob(MODEL, Clock.systemDefaultZone())
            .run(
                spark,
                new IngestJob.Request(
                    root.resolve("leveranser"),
                    root.resolve("w"),
                    PSEUDONYMS,
                    0.05,
                    generated.befolkning()));
    SparkWork.Counts used = work.counts().since(before);
    assertThat(generated.deliveries()).hasSizeGreaterThan(10);
    assertThat(result.population()).isNotNull();
    assertThat(used.jobs()).as(used.toString()).isLessThanOrEqualTo(MAX_SPARK_JOBS);
    // Rows are spread by delivery before they are written: one file per delivery and table.
    try (Stream<Path> files = Files.walk(root.resolve("w").resolve("snapshots"))) {
      java.util.Map<Path, Long> partFiles =
          files
              .filter(f -> f.getFileName().toString().endsWith(".parquet"))
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      Path::getParent, java.util.stream.Collectors.counting()));
      assertThat(partFiles).hasSizeGreaterThan(generated.deliveries().size() * 4);
      assertThat(partFiles.values()).containsOnly(1L);
    }
  }

  @Test
  void reIngestingTheSameDeliveriesGivesAnIdenticalWarehouse(SparkSession spark, @TempDir Path root)
      throws IOException {
    new DeliveryGenerator(
            MODEL, new DeliveryGenerator.Options(150, 7, LocalDate.of(2025, 6, 30), 0.01))
        .generate(root);
    Path lev = root.resolve("leveranser");
    Path first = root.resolve("w1");
    Path second = root.resolve("w2");
    ingest(spark, lev, first);
    ingest(spark, lev, second);
    for (FileSpec spec : MODEL.deliveryFiles()) {
      List<Row> a = sorted(table(spark, first, spec.name()));
      List<Row> b = sorted(table(spark, second, spec.name()));
      assertThat(a).as(spec.name()).isNotEmpty().isEqualTo(b);
    }
    assertThat(Files.readAllBytes(first.resolve("avvisade_rader.csv")))
        .isEqualTo(Files.readAllBytes(second.resolve("avvisade_rader.csv")));

    List<String> pointers = pointers(first);
    IngestJob.Result rerun = ingest(spark, lev, first);
    assertThat(rerun.deliveries())
        .extracting(DeliveryResult::status)
        .doesNotContain(DeliveryStatus.PUBLICERAD);
    assertThat(pointers(first)).isEqualTo(pointers);
  }

  @Test
  void misnamedAndFutureFoldersAreRejectedWithAReasonAndNeverHideTheNewestDelivery(
      SparkSession spark, @TempDir Path root) throws IOException {
    Path lev = root.resolve("leveranser");
    Path wh = root.resolve("warehouse");
    DeliveryBuilder.minimal(lev, "FARSTA", "2025-01-31")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
        .write();
    DeliveryBuilder.minimal(lev, "FARSTA", "inte-ett-datum")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
        .write();
    DeliveryBuilder.minimal(lev, "FARSTA", "2025-06-30")
        .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
        .episode("P2;" + B + ";K;SIG_UNGA;2024-02-10;;;")
        .write();
    Clock feb1 = Clock.fixed(Instant.parse("2025-02-01T10:00:00Z"), ZoneId.of("UTC"));
    IngestJob.Result r =
        new IngestJob(MODEL, feb1).run(spark, new IngestJob.Request(lev, wh, PSEUDONYMS, 0.05));
    assertThat(r.deliveries())
        .extracting(d -> d.delivery().label(), DeliveryResult::status, d -> d.reason())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "FARSTA/2025-01-31", DeliveryStatus.PUBLICERAD, null),
            org.assertj.core.groups.Tuple.tuple(
                "FARSTA/2025-06-30",
                DeliveryStatus.AVVISAD,
                "leveransdatum 2025-06-30 ligger i framtiden (senast 2025-02-02 godtas); "
                    + "rätta mappens namn"),
            org.assertj.core.groups.Tuple.tuple(
                "FARSTA/inte-ett-datum",
                DeliveryStatus.AVVISAD,
                "mappnamnet inte-ett-datum är inget leveransdatum (förväntat ÅÅÅÅ-MM-DD)"));
    assertThat(r.partial()).isTrue();
    assertThat(table(spark, wh, "insatsperioder").count()).isEqualTo(1);
    assertThat(Files.readAllLines(wh.resolve("avvisade_rader.csv")))
        .contains(
            "FARSTA/inte-ett-datum;;;;;mappnamnet inte-ett-datum är inget leveransdatum "
                + "(förväntat ÅÅÅÅ-MM-DD)");
    assertThat(new DeliveryLog(new WarehouseLayout(wh)).entries())
        .extracting(DeliveryLog.Entry::leverans, DeliveryLog.Entry::leveransdatum)
        .contains(org.assertj.core.groups.Tuple.tuple("FARSTA/inte-ett-datum", "inte-ett-datum"));

    // Once its date has come, the same folder is judged afresh and becomes the newest.
    Clock july1 = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneId.of("UTC"));
    IngestJob.Result later =
        new IngestJob(MODEL, july1).run(spark, new IngestJob.Request(lev, wh, PSEUDONYMS, 0.05));
    assertThat(later.deliveries())
        .extracting(d -> d.delivery().label(), DeliveryResult::status)
        .contains(
            org.assertj.core.groups.Tuple.tuple("FARSTA/2025-06-30", DeliveryStatus.PUBLICERAD));
    assertThat(table(spark, wh, "insatsperioder").count()).isEqualTo(2);
  }

  private static List<Row> sorted(Dataset<Row> ds) {
    return ds.orderBy(
            Stream.of(ds.columns())
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }

  private static List<String> pointers(Path wh) throws IOException {
    try (Stream<Path> s = Files.walk(wh.resolve("snapshots"))) {
      return s.filter(p -> p.getFileName().toString().equals("CURRENT"))
          .sorted()
          .map(
              p -> {
                try {
                  return Files.readString(p);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
