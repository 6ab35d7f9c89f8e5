package se.stockholm.sigstat.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import se.stockholm.sigstat.spark.SparkSessions;

/** Spark options shared by the commands that run Spark jobs. */
final class SparkOptions {
  @Option(
      names = "--master",
      description =
          "Spark master (default local[*], or what "
              + "spark-submit sets), e.g. spark://host:7077.")
  String master;

  @Option(names = "--conf", description = "Extra Spark setting KEY=VALUE (repeatable).")
  Map<String, String> conf = new LinkedHashMap<>();

  SparkSession session() {
    return SparkSessions.create(master, conf);
  }
}
