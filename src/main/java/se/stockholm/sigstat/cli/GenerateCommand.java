package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.generate.DeliveryGenerator;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/** Writes synthetic deliveries for every district. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Generate synthetic deliveries (OUT/leveranser/<stadsdel>/<datum>/*.csv) and "
            + "a population table (OUT/befolkning.csv). Deterministic for a given seed and as-of date.")
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand SigstatCommand sigstat;

  @Option(
      names = "--persons",
      defaultValue = "3000",
      description =
          "SIG participants over the whole history (default ${DEFAULT-VALUE}); "
              + "relatives are added at a quarter of that.")
  int persons;

  @Option(names = "--seed", defaultValue = "20260101", description = "Random seed.")
  long seed;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Option(
      names = "--as-of",
      description = "Delivery date of the current districts " + "(default: today).")
  LocalDate asOf;

  @Option(
      names = "--faults",
      defaultValue = "0",
      description = "Share of rows made invalid, of every kind the validator knows (0-0.5).")
  double faults;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    DeliveryGenerator.Summary s =
        new DeliveryGenerator(
                DataSchemaLoader.load(),
                new DeliveryGenerator.Options(
                    persons, seed, asOf != null ? asOf : LocalDate.now(sigstat.clock()), faults))
            .generate(out);
    System.out.printf(
        "Genererade %d leveranser under %s (%.1f s)%n",
        s.deliveries().size(), out.resolve("leveranser"), (System.nanoTime() - t0) / 1e9);
    s.rowsPerFile().forEach((f, n) -> System.out.printf("  %-16s %,10d rader%n", f, n));
    if (s.totalFaults() > 0) {
      System.out.printf("  planterade fel: %d (%s)%n", s.totalFaults(), s.faults());
    }
    System.out.println("Befolkning: " + s.befolkning());
    return ExitCode.OK.code();
  }
}
