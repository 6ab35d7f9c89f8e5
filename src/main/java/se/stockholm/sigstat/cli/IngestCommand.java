package se.stockholm.sigstat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import se.stockholm.sigstat.config.Settings;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.ingest.PseudonymKey;
import se.stockholm.sigstat.ingest.Pseudonymizer;
import se.stockholm.sigstat.jobs.DeliveryResult;
import se.stockholm.sigstat.jobs.IngestJob;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.nightly.RunLock;
import se.stockholm.sigstat.spark.SparkSessions;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.warehouse.WarehouseLayout;

/** Validates, pseudonymises and publishes each district's newest delivery. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Validate and pseudonymise the newest delivery of every district and make it "
            + "the district's snapshot in the warehouse (a new warehouse is made, and said so, if "
            + "there is none). Takes the warehouse's lock. Exit 0: all published or unchanged; "
            + "3: a delivery was rejected (its previous snapshot stays); 4: the lock is held.")
final class IngestCommand implements Callable<Integer> {
  @ParentCommand SigstatCommand sigstat;

  @Mixin JobOptions jobOptions;

  @Option(
      names = "--deliveries",
      description = "The deliveries folder, leveranser/ (job file: deliveries). Required.")
  Path deliveries;

  @Option(
      names = "--key-file",
      description =
          "File with the pseudonymisation key (job file: key-file; default: the environment "
              + "variable "
              + PseudonymKey.ENV
              + ").")
  Path keyFile;

  @Option(
      names = "--max-rejected-percent",
      description =
          "Largest share of rejected rows (percent) for a delivery to be published (job file: "
              + "ingest.max-rejected-percent; default "
              + "5).")
  Double maxRejectedPercent;

  @Option(
      names = "--population",
      description =
          "Population table (job file: population; default: befolkning.csv beside the "
              + "deliveries folder, if there is one).")
  Path population;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    Settings settings =
        spark
            .applyTo(
                jobOptions
                    .settings()
                    .deliveries(deliveries)
                    .keyFile(keyFile)
                    .population(population)
                    .maxRejectedPercent(maxRejectedPercent, "--max-rejected-percent"))
            .build();
    Path leveranser = settings.require(settings.deliveries(), "deliveries");
    Path lager = settings.require(settings.warehouse(), "warehouse");
    Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.resolve(settings.keyFile()));
    if (!Files.isDirectory(leveranser)) {
      throw new ConfigurationException("Leveransmappen " + leveranser + " finns inte");
    }
    WarehouseLayout layout = new WarehouseLayout(lager);
    if (!layout.exists()) {
      // A standalone ingest may start a warehouse (the nightly job may not), but never silently.
      layout.create();
      System.out.println("Lagret " + lager + " fanns inte: ett nytt, tomt lager har skapats.");
    }
    long t0 = System.nanoTime();
    IngestJob.Result result;
    try (RunLock lock = RunLock.acquire(lager)) {
      SparkSession session = SparkSessions.create(settings.sparkMaster(), settings.sparkSettings());
      try {
        result =
            new IngestJob(DataSchemaLoader.load(), sigstat.clock())
                .run(
                    session,
                    new IngestJob.Request(
                        leveranser,
                        lager,
                        pseudonymizer,
                        settings.maxRejectedPercent() / 100.0,
                        settings.populationFile()));
      } finally {
        session.stop();
      }
    }
    print(result);
    System.out.printf(
        "Inläsningen tog %.1f s. Avvisade rader: %s%n",
        (System.nanoTime() - t0) / 1e9, result.ledger());
    return result.partial() ? ExitCode.PARTIAL.code() : ExitCode.OK.code();
  }

  static void print(IngestJob.Result result) {
    System.out.printf(
        "%-36s %-11s %10s %10s %9s%n", "leverans", "status", "lästa", "godkända", "avvisade");
    long read = 0;
    long accepted = 0;
    long rejected = 0;
    for (DeliveryResult d : result.deliveries()) {
      System.out.printf(
          "%-36s %-11s %,10d %,10d %,9d%n",
          d.delivery().label(), d.status(), d.read(), d.accepted(), d.rejected());
      for (FileCounts f : d.files()) {
        System.out.printf(
            "    %-32s %-11s %,10d %,10d %,9d%n",
            f.file(), "", f.read(), f.accepted(), f.rejected());
      }
      if (d.reason() != null) {
        System.out.println("    orsak: " + d.reason());
      }
      read += d.read();
      accepted += d.accepted();
      rejected += d.rejected();
    }
    System.out.printf("%-36s %-11s %,10d %,10d %,9d%n", "Totalt", "", read, accepted, rejected);
    if (result.population() != null) {
      FileCounts p = result.population();
      System.out.printf(
          "%-36s %-11s %,10d %,10d %,9d%n",
          "referens/befolkning.csv", "PUBLICERAD", p.read(), p.accepted(), p.rejected());
    }
    result
        .populationFaults()
        .forEach(f -> System.out.println("referens/befolkning.csv AVVISAD: " + f));
  }
}
