package se.stockholm.sigstat.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Whether Spark compresses its in-memory column cache, chosen per run unless the user set it
 * ({@code --conf spark.sql.inMemoryColumnarStorage.compressed=...}, the job file or spark-submit).
 * Ingest caches every validated row for the summary and the writes; gathering the compression
 * statistics was a sixth of a warm ingest's samples at 100 000 persons, and without it ingest took
 * 17.95 instead of 19.1 s (17.8 against 19.4 s with a 2 GiB heap). Uncompressed, the cache takes
 * more memory, so it stays compressed when the input is more than an eighth of the heap, and on a
 * cluster, whose executors' memory the driver does not see.
 */
public final class ColumnCache {
  static final String KEY = "spark.sql.inMemoryColumnarStorage.compressed";

  /** Set by {@link SparkSessions} when the choice is sigstat's. */
  static final String AUTO = "sigstat.columnar.compressed.auto";

  /** Uncompressed only while the input is at most this share of the heap. */
  static final long HEAP_SHARE = 8;

  private ColumnCache() {}

  /** Whether to compress the cache of {@code inputBytes} of input. */
  public static boolean compress(long inputBytes, long maxHeapBytes, boolean local) {
    return !local || inputBytes > maxHeapBytes / HEAP_SHARE;
  }

  /** Chooses compression for {@code inputBytes} of input, if the choice is sigstat's. */
  public static void sizeTo(SparkSession spark, long inputBytes) {
    if (SparkSessions.choiceIsSigstats(spark, AUTO)) {
      boolean compress =
          compress(inputBytes, Runtime.getRuntime().maxMemory(), spark.sparkContext().isLocal());
      spark.conf().set(KEY, String.valueOf(compress));
    }
  }
}
