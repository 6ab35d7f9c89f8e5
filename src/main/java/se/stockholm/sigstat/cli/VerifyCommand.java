package se.stockholm.sigstat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.nightly.RunLock;
import se.stockholm.sigstat.warehouse.ReferenceStore;
import se.stockholm.sigstat.warehouse.SnapshotStore;
import se.stockholm.sigstat.warehouse.WarehouseLayout;
import se.stockholm.sigstat.warehouse.WarehouseVerifier;

/** Checks the warehouse's live files against what was recorded when each snapshot was made. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Check every live snapshot and reference table of the warehouse against the file list "
            + "recorded when it was made (size and SHA-256 of every file), the check that "
            + "nightly and aggregate make before they read. Lists every missing, changed or added "
            + "file. Exit 0 intact, 1 damaged, 2 no warehouse there, 4 another run holds the lock.")
final class VerifyCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "The warehouse folder.")
  Path warehouse;

  @Override
  public Integer call() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(warehouse);
    if (!Files.isDirectory(warehouse) || !layout.exists()) {
      throw new ConfigurationException("Lagret " + warehouse + " finns inte (fel sökväg?)");
    }
    WarehouseVerifier.Report report;
    // Under the lock: a commit half made by a running ingest would look like damage.
    try (RunLock lock = RunLock.acquire(warehouse)) {
      report =
          WarehouseVerifier.verify(
              new SnapshotStore(layout), new ReferenceStore(layout), List.of("befolkning"));
    }
    System.out.printf("%-24s %-32s %6s  %s%n", "stadsdel / tabell", "version", "filer", "rader");
    for (WarehouseVerifier.Checked c : report.checked()) {
      System.out.printf(
          "%-24s %-32s %6d  %s%n",
          c.name(), c.version() == null ? "-" : c.version(), c.files(), rows(c.rows()));
      c.problems().forEach(p -> System.out.println("    SKADAD: " + p));
    }
    if (!report.intact()) {
      throw report.damage();
    }
    System.out.printf(
        "Lagret är oskadat: %d ögonblicksbilder och referenstabeller, %d filer kontrollerade.%n",
        report.checked().size(), report.files());
    return ExitCode.OK.code();
  }

  private static String rows(Map<String, Long> rows) {
    return rows.entrySet().stream()
        .map(e -> (e.getKey().equals(".") ? "" : e.getKey() + " ") + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
