package se.stockholm.sigstat.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Spark settings one piece of work needs, set for its duration and unset afterwards, so that the
 * rest of the run (the nightly's aggregation after its ingest) plans as before. A setting the user
 * gave (--conf, the job file, spark-submit) is left as it is.
 */
public final class ScopedSettings implements AutoCloseable {
  private final SparkSession spark;
  private final List<String> ours = new ArrayList<>();

  public ScopedSettings(SparkSession spark, Map<String, String> settings) {
    this.spark = spark;
    settings.forEach(
        (key, value) -> {
          if (!spark.conf().contains(key)) {
            spark.conf().set(key, value);
            ours.add(key);
          }
        });
  }

  @Override
  public void close() {
    ours.forEach(key -> spark.conf().unset(key));
  }
}
