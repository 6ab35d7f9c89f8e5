package se.stockholm.sigstat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import se.stockholm.sigstat.config.Settings;
import se.stockholm.sigstat.generate.DeliveryGenerator;
import se.stockholm.sigstat.ingest.PseudonymKey;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.nightly.NightlyJob;

/** Demo deliveries for every district, then the nightly job on them. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generate demo deliveries for every district (DIR/leveranser, a population "
            + "table and a local pseudonymisation key) and run the nightly job on them: warehouse in "
            + "DIR/warehouse, statistics, workbooks and charts in DIR/ut/senaste.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand SigstatCommand sigstat;

  @Option(
      names = "--dir",
      defaultValue = "demo",
      description = "Demo folder (default ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--persons", defaultValue = "3000", description = "SIG participants to generate.")
  int persons;

  @Option(names = "--seed", defaultValue = "20260101", description = "Random seed.")
  long seed;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    FollowUpModel model = DataSchemaLoader.load();
    DeliveryGenerator.Summary generated =
        new DeliveryGenerator(
                model,
                new DeliveryGenerator.Options(persons, seed, LocalDate.now(sigstat.clock()), 0))
            .generate(dir);
    System.out.printf(
        "Demodata: %d leveranser i %s%n", generated.deliveries().size(), dir.resolve("leveranser"));
    if (!Files.isRegularFile(dir.resolve("nyckel.txt"))) {
      PseudonymKey.generate(dir.resolve("nyckel.txt"));
    }
    Path d = dir.toAbsolutePath().normalize();
    Settings settings =
        spark
            .applyTo(
                Settings.defaults()
                    .deliveries(d.resolve("leveranser"))
                    .warehouse(d.resolve("warehouse"))
                    .createWarehouse(true)
                    .output(d.resolve("ut"))
                    .population(d.resolve("befolkning.csv"))
                    .keyFile(d.resolve("nyckel.txt")))
            .build();
    NightlyJob.Result r = new NightlyJob(model, sigstat.clock()).run(settings);
    System.out.println("Körning " + r.runId() + ": " + r.runDir().toAbsolutePath());
    try (Stream<Path> files = Files.list(r.runDir())) {
      Path city =
          files
              .filter(p -> p.getFileName().toString().startsWith("SIG_Stockholms_stad_"))
              .findFirst()
              .orElseThrow();
      System.out.println("Stadens rapport: " + city.toAbsolutePath());
    }
    return r.exitCode().code();
  }
}
