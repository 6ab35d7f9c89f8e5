package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.nightly.JobConfig;
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
  @Option(names = "--job", required = true, description = "The job file (YAML).")
  Path job;

  @Option(
      names = "--master",
      description = "Spark master; overrides the job file (as does " + "spark-submit's --master).")
  String master;

  @Option(
      names = "--create-warehouse",
      description =
          "Start a new, empty warehouse if there is none at the job's warehouse path (as "
              + "create-warehouse: true in the job file). Without it a missing warehouse is exit 2.")
  boolean createWarehouse;

  @Override
  public Integer call() throws Exception {
    JobConfig cfg =
        JobConfig.load(job)
            .withMaster(master != null ? master : System.getProperty("spark.master"));
    if (createWarehouse) {
      cfg = cfg.withCreateWarehouse();
    }
    NightlyJob.Result r =
        new NightlyJob(DataSchemaLoader.load(), Clock.systemDefaultZone()).run(cfg);
    System.out.println("Körning " + r.runId() + " publicerad: " + r.runDir());
    return r.exitCode().code();
  }
}
