package se.stockholm.sigstat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.generate.DeliveryGenerator;
import se.stockholm.sigstat.ingest.PseudonymKey;
import se.stockholm.sigstat.ingest.Pseudonymizer;
import java.util.List;
import se.stockholm.sigstat.aggregation.FollowUpStatistics;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.jobs.AggregateJob;
import se.stockholm.sigstat.jobs.IngestJob;
import se.stockholm.sigstat.jobs.ReportJob;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/** Demo deliveries for every district, ingested into a demo warehouse. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate demo deliveries for every district into DIR/leveranser, ingest them "
        + "into DIR/warehouse (a local pseudonymisation key is created in DIR/nyckel.txt) and "
        + "compute the protected statistics for this year to date and last year into DIR/run, "
        + "and write the workbooks and charts there.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--dir", defaultValue = "demo", description = "Demo folder (default ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--persons", defaultValue = "3000", description = "SIG participants to generate.")
  int persons;

  @Option(names = "--seed", defaultValue = "20260101", description = "Random seed.")
  long seed;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    FollowUpModel model = DataSchemaLoader.load();
    long t0 = System.nanoTime();
    DeliveryGenerator.Summary generated = new DeliveryGenerator(model,
        new DeliveryGenerator.Options(persons, seed, LocalDate.now(), 0)).generate(dir);
    System.out.printf("Demodata: %d leveranser i %s%n", generated.deliveries().size(),
        dir.resolve("leveranser"));
    Path key = dir.resolve("nyckel.txt");
    if (!Files.isRegularFile(key)) {
      PseudonymKey.generate(key);
    }
    IngestJob.Result result;
    AggregateJob.Result statistics;
    LocalDate today = LocalDate.now();
    List<ReportingPeriod> periods = List.of(
        ReportingPeriod.parse(today.withDayOfYear(1) + ".." + today),
        ReportingPeriod.year(today.getYear() - 1));
    Path run = dir.resolve("run");
    SparkSession session = spark.session();
    try {
      result = new IngestJob(model).run(session, new IngestJob.Request(dir.resolve("leveranser"),
          dir.resolve("warehouse"), new Pseudonymizer(PseudonymKey.fromFile(key)), 0.05,
          generated.befolkning()));
      IngestCommand.print(result);
      statistics = new AggregateJob(model).run(session, dir.resolve("warehouse"),
          new FollowUpStatistics.Settings(periods, 3, today), new FrequencyRule(5), run);
    } finally {
      session.stop();
    }
    AggregateCommand.print(statistics, periods.get(0).code(), model.districts().cityCode());
    if (!statistics.auditFindings().isEmpty()) {
      statistics.auditFindings().forEach(f -> System.out.println("  " + f));
      return ExitCode.FAILED.code();
    }
    System.out.println("Statistik: " + run.resolve("statistik.csv"));
    ReportJob.Result reports = new ReportJob(model).run(run);
    System.out.printf("%d arbetsböcker och diagram i %s (%.1f s)%n", reports.workbooks().size(),
        run, reports.millis() / 1000.0);
    System.out.printf("Klart på %.1f s. Lager: %s  Avvisade rader: %s%n",
        (System.nanoTime() - t0) / 1e9, dir.resolve("warehouse"), result.ledger());
    System.out.println("Stadens rapport: " + reports.workbooks().get(0).toAbsolutePath());
    return result.partial() ? ExitCode.PARTIAL.code() : ExitCode.OK.code();
  }
}
