package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.jobs.ValidateJob;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.spark.SparkSessions;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.validation.RejectedRowsLedger;

/** Checks one delivery before it is sent; lists every rejected row. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check one delivery folder (leveranser/<stadsdel>/<datum>) without ingesting it. "
            + "Prints every rejected row with its reason; exits 1 if any row or file is rejected.")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand SigstatCommand sigstat;

  @Parameters(paramLabel = "DELIVERY_DIR", description = "The delivery folder.")
  Path dir;

  @Option(names = "--district", description = "District code (default: the parent folder's name).")
  String district;

  @Option(names = "--delivery-date", description = "Delivery date (default: the folder's name).")
  LocalDate date;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    ValidateJob.Report report;
    SparkSession session = SparkSessions.create(spark.master, spark.conf);
    try {
      report =
          new ValidateJob(DataSchemaLoader.load(), sigstat.clock())
              .run(session, dir, district, date);
    } finally {
      session.stop();
    }
    System.out.println(
        "Leverans " + report.delivery().label() + " (" + report.delivery().dir() + ")");
    report.warnings().forEach(w -> System.out.println("  Varning: " + w));
    for (DeliveryInspection.FileFault f : report.fileFaults()) {
      System.out.println("  AVVISAD LEVERANS: " + f.reason());
    }
    for (FileCounts c : report.counts()) {
      System.out.printf(
          "  %-20s lästa %,9d  godkända %,9d  avvisade %,7d%n",
          c.file(), c.read(), c.accepted(), c.rejected());
    }
    for (RejectedRowsLedger.Entry e : report.rejectedRows()) {
      System.out.printf(
          "  %s rad %d%s: %s%n",
          e.fil(),
          e.rad(),
          e.kolumn() == null
              ? ""
              : ", kolumn "
                  + e.kolumn()
                  + (e.varde() == null || e.varde().isEmpty() ? "" : " (värde " + e.varde() + ")"),
          e.orsak());
    }
    if (report.clean()) {
      System.out.println("Leveransen är godkänd: inga fel.");
      return ExitCode.OK.code();
    }
    System.out.printf(
        "Leveransen har fel: %d avvisade rader, %d fel på filnivå.%n",
        report.rejectedRows().size(), report.fileFaults().size());
    return ExitCode.FAILED.code();
  }
}
