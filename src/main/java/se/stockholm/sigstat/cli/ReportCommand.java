package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.jobs.ReportJob;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/** Writes the workbooks and charts of a run from its protected statistik table. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write the Excel workbooks (city, one per district, district comparison) and "
            + "PNG charts (RUN_DIR/charts) from RUN_DIR/statistik.csv.")
final class ReportCommand implements Callable<Integer> {
  @ParentCommand SigstatCommand sigstat;

  @Option(names = "--run", required = true, description = "The run folder (RUN_DIR).")
  Path run;

  @Override
  public Integer call() throws Exception {
    ReportJob.Result r = new ReportJob(DataSchemaLoader.load(), sigstat.clock()).run(run);
    System.out.printf(
        "%d arbetsböcker skrivna på %.1f s:%n", r.workbooks().size(), r.millis() / 1000.0);
    for (int i = r.workbooks().size() - 1; i >= 0; i--) {
      System.out.println("  " + r.workbooks().get(i));
    }
    System.out.println("Stadens rapport: " + r.workbooks().get(0));
    return ExitCode.OK.code();
  }
}
