package se.stockholm.sigstat.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Shuffle partitions sized to the data, unless the user chose a number ({@code --conf
 * spark.sql.shuffle.partitions=N}, the job file or spark-submit): with adaptive execution off,
 * Spark keeps whatever number it was given. Few at city size, where each task's fixed cost
 * dominates (aggregation at 100 000 persons: 8 -> 2 partitions saved about 1 s of 17); more when
 * the data grow, so that no task has to hold too much.
 */
public final class ShufflePartitions {
  static final String KEY = "spark.sql.shuffle.partitions";

  /** Set by {@link SparkSessions} when the number is sigstat's to choose. */
  static final String AUTO = "sigstat.shuffle.partitions.auto";

  /** Input rows per partition. */
  static final long ROWS_PER_PARTITION = 4_000_000;

  static final int MAX = 200;

  private ShufflePartitions() {}

  /** The number for {@code rows} input rows on {@code parallelism} cores: at least one each. */
  public static int forRows(long rows, int parallelism) {
    long wanted = (rows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
    return (int) Math.min(MAX, Math.max(Math.max(1, parallelism), wanted));
  }

  /** Delivery file bytes per partition of ingest's exchange by delivery. */
  static final long DELIVERY_BYTES_PER_PARTITION = 4L << 20;

  /**
   * The partitions of ingest's exchange by delivery, for {@code deliveries} deliveries of {@code
   * bytes} bytes of files on {@code parallelism} cores: one per {@value
   * #DELIVERY_BYTES_PER_PARTITION} bytes and at least one per core, but at most twice as many as
   * deliveries: a delivery's rows stay in one partition, so more would stay empty, and twice as
   * many keeps few deliveries sharing one by their hash.
   */
  public static int forDeliveries(int deliveries, long bytes, int parallelism) {
    long bySize = (bytes + DELIVERY_BYTES_PER_PARTITION - 1) / DELIVERY_BYTES_PER_PARTITION;
    int cores = Math.max(1, parallelism);
    return (int) Math.max(1, Math.min(Math.max(cores, bySize), 2L * deliveries));
  }

  /** Sizes the session's shuffles to {@code rows} input rows, if the number is sigstat's. */
  public static void sizeTo(SparkSession spark, long rows) {
    if (SparkSessions.choiceIsSigstats(spark, AUTO)) {
      spark
          .conf()
          .set(KEY, String.valueOf(forRows(rows, spark.sparkContext().defaultParallelism())));
    }
  }
}
