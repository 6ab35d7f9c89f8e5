package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.aggregation.FollowUpStatistics;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.failure.AuditFailedException;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.jobs.AggregateJob;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/** Computes and protects the statistik table for one or more periods. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description =
        "Compute the follow-up model's measures from the warehouse for the periods "
            + "(plus a trend series), protect them (primary and secondary suppression) and write "
            + "RUN_DIR/statistik.csv, statistik.parquet and statistik.json. Exit 1 if the audit fails.")
final class AggregateCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "The warehouse folder.")
  Path warehouse;

  @Option(
      names = "--period",
      required = true,
      description =
          "Report period: 2025, 2025-H1, " + "2025-K3 or 2025-01-01..2025-06-30 (repeatable).")
  List<String> periods;

  @Option(names = "--out", required = true, description = "Run folder (RUN_DIR).")
  Path out;

  @Option(
      names = "--min-cell",
      defaultValue = "5",
      description =
          "Smallest publishable count k (default ${DEFAULT-VALUE}; 1 turns suppression off).")
  int minCell;

  @Option(
      names = "--indelning",
      description =
          "District structure of this date (default: the " + "first report period's end).")
  LocalDate indelning;

  @Option(
      names = "--look-back",
      defaultValue = "3",
      description = "Years of quarters and years in the trend series (default ${DEFAULT-VALUE}).")
  int lookBack;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    List<ReportingPeriod> report = new ArrayList<>();
    for (String p : periods) {
      try {
        report.add(ReportingPeriod.parse(p));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("--period: " + e.getMessage());
      }
    }
    if (minCell < 1) {
      throw new ConfigurationException("--min-cell (k) ska vara minst 1, inte " + minCell);
    }
    if (lookBack < 0) {
      throw new ConfigurationException("--look-back ska vara 0 år eller fler, inte " + lookBack);
    }
    FollowUpStatistics.Settings settings =
        new FollowUpStatistics.Settings(
            report, lookBack, indelning != null ? indelning : report.get(0).end());
    AggregateJob.Result result;
    SparkSession session = spark.session();
    try {
      result =
          new AggregateJob(DataSchemaLoader.load())
              .run(session, warehouse, settings, new FrequencyRule(minCell), out);
    } finally {
      session.stop();
    }
    print(result, report.get(0).code(), DataSchemaLoader.load().districts().cityCode());
    if (!result.auditFindings().isEmpty()) {
      result.auditFindings().forEach(f -> System.out.println("  " + f));
      throw new AuditFailedException(result.auditFindings());
    }
    System.out.println("Statistiken finns i " + out.resolve("statistik.csv"));
    return ExitCode.OK.code();
  }

  static void print(AggregateJob.Result r, String period, String city) {
    long cells = r.table().cells().size();
    System.out.printf(
        "%,d celler, varav %,d prickade (k = %d%s), %.1f s%n",
        cells,
        r.table().suppressedCount(),
        r.table().minCell(),
        r.table().minCell() == 1
            ? ": SEKRETESSKYDD AVSTÄNGT, endast för intern kvalitetskontroll"
            : "",
        r.millis() / 1000.0);
    for (ProtectedCell c : r.table().cells()) {
      if (c.key().period().equals(period)
          && c.key().measure().equals("AKTUELLA")
          && c.key().district().equals(city)
          && c.key().activity().equals("ALLA")
          && c.key().gender().equals("ALLA")
          && c.key().ageBand().equals("ALLA")) {
        System.out.printf(
            "Aktuella individer %s, Stockholms stad: %s%n",
            period, c.value() == null ? ".." : String.format("%,.0f", c.value()));
      }
    }
  }
}
