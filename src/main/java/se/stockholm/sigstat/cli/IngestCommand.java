package se.stockholm.sigstat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.ingest.PseudonymKey;
import se.stockholm.sigstat.ingest.Pseudonymizer;
import se.stockholm.sigstat.jobs.IngestJob;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.nightly.RunLock;
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
  @Option(names = "--leveranser", required = true, description = "The leveranser/ folder.")
  Path leveranser;

  @Option(names = "--warehouse", required = true, description = "The warehouse folder.")
  Path warehouse;

  @Option(
      names = "--key-file",
      description =
          "File with the pseudonymisation key (default: "
              + "environment variable "
              + PseudonymKey.ENV
              + ").")
  Path keyFile;

  @Option(
      names = "--max-avvisade",
      defaultValue = "5",
      description =
          "Largest share of rejected rows (percent) for a delivery to be published "
              + "(default ${DEFAULT-VALUE}).")
  double maxRejectedPercent;

  @Option(
      names = "--befolkning",
      description =
          "Population table (default: befolkning.csv beside "
              + "the leveranser folder, if there is one).")
  Path befolkning;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.resolve(keyFile));
    if (!Files.isDirectory(leveranser)) {
      throw new ConfigurationException("Leveransmappen " + leveranser + " finns inte");
    }
    WarehouseLayout layout = new WarehouseLayout(warehouse);
    if (!layout.exists()) {
      // A standalone ingest may start a warehouse (the nightly job may not), but never silently.
      layout.create();
      System.out.println("Lagret " + warehouse + " fanns inte: ett nytt, tomt lager har skapats.");
    }
    long t0 = System.nanoTime();
    IngestJob.Result result;
    try (RunLock lock = RunLock.acquire(warehouse)) {
      SparkSession session = spark.session();
      try {
        result =
            new IngestJob(DataSchemaLoader.load())
                .run(
                    session,
                    new IngestJob.Request(
                        leveranser,
                        warehouse,
                        pseudonymizer,
                        maxRejectedPercent / 100.0,
                        populationFile(leveranser, befolkning)));
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

  /** The given population file, or befolkning.csv beside the leveranser folder if it exists. */
  static Path populationFile(Path leveranser, Path given) {
    if (given != null) {
      return given;
    }
    Path beside = leveranser.toAbsolutePath().normalize().resolveSibling("befolkning.csv");
    return Files.isRegularFile(beside) ? beside : null;
  }

  static void print(IngestJob.Result result) {
    System.out.printf(
        "%-36s %-11s %10s %10s %9s%n", "leverans", "status", "lästa", "godkända", "avvisade");
    long read = 0;
    long accepted = 0;
    long rejected = 0;
    for (IngestJob.DeliveryResult d : result.deliveries()) {
      System.out.printf(
          "%-36s %-11s %,10d %,10d %,9d%n",
          d.delivery().label(), d.outcome(), d.read(), d.accepted(), d.rejected());
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
