package se.stockholm.sigstat.spark;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.SparkSession;

/**
 * Lets the driver and the local executor share the code Spark generates. Spark 4 keys its cache of
 * compiled classes by the thread's context class loader as well as by the code. The driver compiles
 * each stage's code once to check it, under its own loader; the executor's tasks compile the same
 * code again under the session's executor loader. In local mode both run in this JVM, so the driver
 * thread takes the executor's loader (which delegates to the application's) and each code is
 * compiled once.
 */
final class LocalCodegenSharing {
  /** The loader the local executor's tasks run under, as a task saw it. */
  private static final AtomicReference<ClassLoader> TASK_LOADER = new AtomicReference<>();

  private LocalCodegenSharing() {}

  static void apply(SparkSession spark) {
    if (!spark.sparkContext().isLocal()) {
      return;
    }
    TASK_LOADER.set(null);
    spark
        .range(1)
        .foreach(
            (org.apache.spark.api.java.function.ForeachFunction<Long>)
                x -> TASK_LOADER.set(Thread.currentThread().getContextClassLoader()));
    ClassLoader executors = TASK_LOADER.get();
    if (executors != null) {
      Thread.currentThread().setContextClassLoader(executors);
    }
  }
}
