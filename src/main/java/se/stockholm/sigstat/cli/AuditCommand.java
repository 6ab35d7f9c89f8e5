package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.stockholm.sigstat.disclosure.AuditResult;
import se.stockholm.sigstat.disclosure.DisclosureAudit;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.failure.AuditFailedException;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.jobs.PublishedTable;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.publish.StatistikFiles;

/** Re-reads a run's published statistik table and checks it against the disclosure rules. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Act as an intruder on RUN_DIR/statistik.csv: try to compute every suppressed count from"
            + " the published ones with the relations of data-schema/disclosure.yaml, look for"
            + " published counts 1..k-1 and check derived values. Exit 0 if it passes, 1 if not.")
final class AuditCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run folder.")
  Path runDir;

  @Option(names = "--min-cell", description = "k to check against (default: the run's own k).")
  Integer minCell;

  @Override
  public Integer call() throws Exception {
    if (minCell != null && minCell < 1) {
      throw new ConfigurationException("--min-cell (k) ska vara minst 1, inte " + minCell);
    }
    StatistikFiles.Published published = PublishedTable.read(runDir);
    int k = minCell != null ? minCell : published.minCell();
    AuditResult audit =
        new DisclosureAudit(DataSchemaLoader.load(), new FrequencyRule(k))
            .check(published.cells(), published.periods(), published.indelning());
    List<String> findings = audit.findings();
    if (findings.isEmpty()) {
      System.out.printf(
          "Granskningen godkänd: %,d celler, %,d prickade (%,d primärt, %,d sekundärt), k = %d;"
              + " %,d samband prövade, inget prickat antal kunde räknas fram.%n",
          audit.cells(),
          audit.suppressed(),
          audit.primary(),
          audit.secondary(),
          k,
          audit.relations());
      return ExitCode.OK.code();
    }
    System.out.println("Granskningen hittade fel (k = " + k + "):");
    findings.forEach(f -> System.out.println("  " + f));
    throw new AuditFailedException(findings);
  }
}
