package se.stockholm.sigstat.spark;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.SparkSession;

/**
 * Lets the driver and the local executor share the code Spark generates. Spark 4 keys its cache of
 * compiled classes by the thread's context class loader as well as by the code. The driver compiles
 * each stage's code once to check it, under its own loader; the tasks compile the same code again
 * under the executor's loader. In local mode both run in this JVM, so the thread that created the
 * session takes the loader SQL's tasks run under (it delegates to the application's) and each code
 * is compiled once: the demo compiled 242 classes instead of 326.
 */
final class LocalCodegenSharing {
  /** The loader the local executor's tasks run under, as a task saw it. */
  private static final AtomicReference<ClassLoader> TASK_LOADER = new AtomicReference<>();

  private LocalCodegenSharing() {}

  static void apply(SparkSession spark) {
    if (!spark.sparkContext().isLocal()) {
      return;
    }
    ClassLoader tasks = loaderOfSqlTasks(spark);
    if (tasks != null) {
      Thread.currentThread().setContextClassLoader(tasks);
    }
  }

  /**
   * The context class loader a SQL query's task runs under (null if no task reported one). A SQL
   * query, so the loader is the one SQL's tasks get whatever the session's artifact isolation (an
   * RDD job gets the executor's default loader). Alternated in the demo, this and a plain RDD job
   * cost the same: its warm-up is the first query's.
   */
  static ClassLoader loaderOfSqlTasks(SparkSession spark) {
    TASK_LOADER.set(null);
    spark
        .range(1)
        .foreach(
            (ForeachFunction<Long>)
                x -> TASK_LOADER.set(Thread.currentThread().getContextClassLoader()));
    return TASK_LOADER.get();
  }
}
