package se.stockholm.sigstat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.aggregation.FollowUpStatistics;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.generate.DeliveryGenerator;
import se.stockholm.sigstat.ingest.PseudonymKey;
import se.stockholm.sigstat.ingest.Pseudonymizer;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.jobs.AggregateJob;
import se.stockholm.sigstat.jobs.DeliveryResult;
import se.stockholm.sigstat.jobs.IngestJob;
import se.stockholm.sigstat.jobs.ReportJob;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.spark.SparkSessions;
import se.stockholm.sigstat.spark.SparkWork;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.warehouse.SnapshotStore;
import se.stockholm.sigstat.warehouse.WarehouseLayout;

/**
 * {@code sigstat bench}: generates N persons, times every stage in one JVM (median of the runs
 * after a warm-up), and runs the core aggregation in sigstat and in DuckDB over the same Parquet
 * files, checking that both give the same figures. Lives with the tests: DuckDB is a test
 * dependency and never part of the product.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark: generate N persons, time generate, ingest, aggregate and report, "
            + "compare the core aggregation with DuckDB over the same Parquet files, and time "
            + "./sigstat demo in a process of its own.")
public final class Benchmark implements Callable<Integer> {
  /** Deliveries as of the end of the report year; the trend series goes back from it. */
  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  private static final ReportingPeriod PERIOD = ReportingPeriod.year(2025);

  /** Two report periods, as a nightly run has (the year and a part of it), plus the trend. */
  private static final List<ReportingPeriod> REPORT_PERIODS =
      List.of(PERIOD, ReportingPeriod.parse("2025-H2"));

  @Option(
      names = "--persons",
      defaultValue = "1000000",
      description = "SIG participants " + "(default ${DEFAULT-VALUE}).")
  int persons;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Timed runs per stage " + "(default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warmup",
      defaultValue = "1",
      description = "Untimed runs first " + "(default ${DEFAULT-VALUE}).")
  int warmUps;

  @Option(names = "--dir", description = "Work folder (default: a temporary one, removed after).")
  Path dir;

  @Option(names = "--master", description = "Spark master (default local[*]).")
  String master;

  @Option(names = "--seed", defaultValue = "20260101", description = "Random seed.")
  long seed;

  @Option(names = "--skip", split = ",", description = "Stages to leave out: report, duckdb, demo.")
  List<String> skip = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (persons < 1 || runs < 1 || warmUps < 0) {
      throw new IllegalArgumentException("--persons och --runs ska vara minst 1, --warmup minst 0");
    }
    boolean temporary = dir == null;
    Path work = temporary ? Files.createTempDirectory("sigstat-bench") : dir;
    try {
      List<StageTiming> timings = new ArrayList<>();
      String comparison = run(work, timings);
      // Last, with the benchmark's Spark stopped: the demo runs in processes of its own.
      if (!skip.contains("demo")) {
        if (DemoWall.available()) {
          timings.add(DemoWall.measure(work, warmUps, runs));
        } else {
          System.err.println("bench: demo hoppas över (kör benchmarken som ./sigstat bench)");
        }
      }
      System.out.print(BenchTable.render(persons, runs, warmUps, master, timings, comparison));
      return comparison.startsWith("SKILLNAD") ? 1 : 0;
    } finally {
      if (temporary) {
        AtomicFiles.deleteTree(work);
      }
    }
  }

  /** The timed runs' part of a stage (after the warm-ups), with the cells it handled. */
  private StageTiming partOf(String name, long cells, List<Double> seconds) {
    return new StageTiming(name, cells, seconds.subList(warmUps, seconds.size()), 0, 0, -1);
  }

  private String run(Path work, List<StageTiming> timings) throws Exception {
    FollowUpModel model = DataSchemaLoader.load();
    StageRunner runner = new StageRunner(warmUps, runs, null);
    Path data = work.resolve("data");
    Path warehouse = work.resolve("warehouse");
    Path runDir = work.resolve("run");
    long[] generated = new long[1];
    timings.add(
        runner.measure(
            "generate",
            () -> {
              DeliveryGenerator.Summary s =
                  new DeliveryGenerator(
                          model, new DeliveryGenerator.Options(persons, seed, AS_OF, 0))
                      .generate(data);
              generated[0] = s.rowsPerFile().values().stream().mapToLong(Long::longValue).sum();
              return generated[0];
            }));
    Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymKey.of("sigstat-bench-key-not-secret"));
    long t0 = System.nanoTime();
    SparkSession spark = SparkSessions.create(master, Map.of());
    timings.add(
        new StageTiming("spark-start", 0, List.of((System.nanoTime() - t0) / 1e9), 0, 0, -1));
    runner = runner.counting(SparkWork.of(spark));
    try {
      long[] accepted = new long[2];
      timings.add(
          runner.measure(
              "ingest",
              () -> {
                AtomicFiles.deleteTree(warehouse);
                IngestJob.Result r =
                    new IngestJob(model, java.time.Clock.systemDefaultZone())
                        .run(
                            spark,
                            new IngestJob.Request(
                                data.resolve("leveranser"),
                                warehouse,
                                pseudonyms,
                                0.05,
                                data.resolve("befolkning.csv")));
                accepted[0] = r.deliveries().stream().mapToLong(DeliveryResult::accepted).sum();
                accepted[1] =
                    r.deliveries().stream()
                        .flatMap(d -> d.files().stream())
                        .filter(
                            f ->
                                f.file().equals("insatsperioder.csv")
                                    || f.file().equals("bedomningar.csv"))
                        .mapToLong(FileCounts::accepted)
                        .sum();
                return r.deliveries().stream().mapToLong(DeliveryResult::read).sum();
              }));
      FollowUpStatistics.Settings settings =
          new FollowUpStatistics.Settings(REPORT_PERIODS, 3, PERIOD.end());
      long[] cells = new long[1];
      List<Double> protect = new ArrayList<>();
      List<Double> audit = new ArrayList<>();
      timings.add(
          runner.measure(
              "aggregate",
              () -> {
                AtomicFiles.deleteTree(runDir);
                AggregateJob.Result r =
                    new AggregateJob(model)
                        .run(spark, warehouse, settings, new FrequencyRule(5), runDir);
                if (!r.auditFindings().isEmpty()) {
                  throw new IllegalStateException(
                      "Granskningen misslyckades: " + r.auditFindings());
                }
                cells[0] = r.table().cells().size();
                protect.add(r.protectMillis() / 1e3);
                audit.add(r.auditMillis() / 1e3);
                return accepted[0];
              }));
      // Parts of the aggregation above, per published cell: the protection's cost must grow no
      // faster than the table it protects.
      timings.add(partOf("  skydd", cells[0], protect));
      timings.add(partOf("  granskning", cells[0], audit));
      if (!skip.contains("report")) {
        timings.add(
            runner.measure(
                "report",
                () -> {
                  new ReportJob(model, java.time.Clock.systemUTC()).run(runDir);
                  return cells[0];
                }));
      }
      if (skip.contains("duckdb")) {
        return "DuckDB hoppades över";
      }
      SnapshotStore store = new SnapshotStore(new WarehouseLayout(warehouse));
      CoreFigures[] sigstat = new CoreFigures[1];
      CoreFigures[] duck = new CoreFigures[1];
      StageTiming core =
          runner.measure(
              "kärna sigstat",
              () -> {
                sigstat[0] = SparkCoreAggregation.run(spark, store, model, PERIOD);
                return accepted[1];
              });
      StageTiming duckCore =
          runner.measure(
              "kärna DuckDB",
              () -> {
                duck[0] = DuckDbCoreAggregation.run(store, model, PERIOD);
                return accepted[1];
              });
      timings.add(core);
      timings.add(duckCore);
      List<String> diff = sigstat[0].differences(duck[0]);
      if (!diff.isEmpty()) {
        return "SKILLNAD mellan sigstat och DuckDB i "
            + diff.size()
            + " celler, t.ex. "
            + diff.subList(0, Math.min(5, diff.size()));
      }
      return String.format(
          "kvot sigstat/DuckDB (kärnaggregering, median): %.2f; samma siffror "
              + "i alla %d celler (AKTUELLA per stadsdel × kön, FORBATTRAD per livsområde × "
              + "stadsdel × kön, med totaler; AKTUELLA för staden: %d)",
          core.median() / duckCore.median(),
          sigstat[0].size(),
          sigstat[0].value("AKTUELLA||" + model.districts().cityCode() + "|ALLA"));
    } finally {
      spark.stop();
    }
  }
}
