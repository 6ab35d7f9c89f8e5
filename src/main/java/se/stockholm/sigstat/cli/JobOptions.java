package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.config.Settings;

/** The options of the stage commands that read the warehouse: a job file and the warehouse. */
final class JobOptions {
  @Option(
      names = "--job",
      description = "Job file to take settings from (jobs/nightly.yaml); flags win over it.")
  Path job;

  @Option(names = "--warehouse", description = "The warehouse folder (job file: warehouse).")
  Path warehouse;

  /** The defaults, then the job file if given, then the warehouse flag. */
  Settings.Builder settings() {
    return Settings.fromJobFile(job).warehouse(warehouse);
  }
}
