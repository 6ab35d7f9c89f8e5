package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import se.stockholm.sigstat.aggregation.FollowUpStatistics;
import se.stockholm.sigstat.config.Settings;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.failure.AuditFailedException;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.jobs.AggregateJob;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.spark.SparkSessions;

/** Computes and protects the statistik table for one or more periods. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description =
        "Compute the follow-up model's measures from the warehouse for the periods "
            + "(plus a trend series), protect them (primary and secondary suppression) and write "
            + "RUN_DIR/statistik.csv, statistik.parquet and statistik.json. Exit 1 if the audit fails.")
final class AggregateCommand implements Callable<Integer> {
  @ParentCommand SigstatCommand sigstat;

  @Mixin JobOptions jobOptions;

  @Option(
      names = "--period",
      description =
          "Report period, repeatable: 2025, 2025-H1, 2025-K3, 2025-01-01..2025-06-30, or "
              + "current-year-to-date, previous-year, previous-quarter (job file: periods; default "
              + "current-year-to-date and previous-year).")
  List<String> periods;

  @Option(names = "--out", required = true, description = "Run folder (RUN_DIR).")
  Path out;

  @Option(
      names = "--min-cell",
      description =
          "Smallest publishable count k (job file: suppression.min-cell; default 5; 1 turns "
              + "suppression off).")
  Integer minCell;

  @Option(
      names = "--district-structure",
      description =
          "District structure of this date (job file: district-structure; default: the first "
              + "report period's end).")
  LocalDate districtStructure;

  @Option(
      names = "--look-back-years",
      description =
          "Years of quarters and years in the trend series (job file: look-back-years; default 3).")
  Integer lookBackYears;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    Settings settings =
        spark
            .applyTo(
                jobOptions
                    .settings()
                    .periods(periods, "--period")
                    .minCell(minCell, "--min-cell")
                    .districtStructure(districtStructure)
                    .lookBackYears(lookBackYears, "--look-back-years"))
            .build();
    Path lager = settings.require(settings.warehouse(), "warehouse");
    List<ReportingPeriod> report = settings.reportPeriods(LocalDate.now(sigstat.clock()));
    FollowUpStatistics.Settings statistics =
        new FollowUpStatistics.Settings(
            report, settings.lookBackYears(), settings.districtStructure(report));
    FrequencyRule rule = new FrequencyRule(settings.minCell());
    AggregateJob.Result result;
    SparkSession session = SparkSessions.create(settings.sparkMaster(), settings.sparkSettings());
    try {
      result = new AggregateJob(DataSchemaLoader.load()).run(session, lager, statistics, rule, out);
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
