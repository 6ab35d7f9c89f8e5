package se.stockholm.sigstat.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.config.Settings;

/**
 * Spark options shared by the commands that run Spark jobs (settings spark.master, spark.settings).
 */
final class SparkOptions {
  @Option(
      names = "--master",
      description =
          "Spark master, e.g. spark://host:7077 (job file: spark.master). Wins over spark-submit's "
              + "--master and the job file; default local[*].")
  String master;

  @Option(
      names = "--conf",
      description = "Extra Spark setting KEY=VALUE, repeatable (job file: spark.settings).")
  Map<String, String> conf = new LinkedHashMap<>();

  /** These flags on top of the settings so far. */
  Settings.Builder applyTo(Settings.Builder settings) {
    return settings.sparkMaster(master).sparkSettings(conf);
  }
}
