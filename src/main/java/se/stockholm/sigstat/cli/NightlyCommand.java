package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import se.stockholm.sigstat.config.Settings;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.nightly.NightlyJob;

/** The scheduled run: everything, as one command with exit codes a scheduler acts on. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole job of a job file (jobs/nightly.yaml): ingest, aggregate, "
            + "protect, audit, report, into OUTPUT/<run-id>/ with OUTPUT/senaste moved last. "
            + "Exit 0 ok, 1 failed (nothing published), 2 configuration error, 3 partial (a delivery "
            + "was rejected), 4 another run holds the lock.")
final class NightlyCommand implements Callable<Integer> {
  @ParentCommand SigstatCommand sigstat;

  @Option(names = "--job", required = true, description = "The job file (YAML).")
  Path job;

  @Option(
      names = "--create-warehouse",
      description =
          "Start a new, empty warehouse if there is none at the job's warehouse path (job file: "
              + "create-warehouse). Without it a missing warehouse is exit 2.")
  boolean createWarehouse;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    Settings settings =
        spark.applyTo(Settings.fromJobFile(job).createWarehouse(createWarehouse)).build();
    NightlyJob.Result r = new NightlyJob(DataSchemaLoader.load(), sigstat.clock()).run(settings);
    System.out.println("Körning " + r.runId() + " publicerad: " + r.runDir());
    return r.exitCode().code();
  }
}
