package se.stockholm.sigstat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.executor.ExecutorClassLoader;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.testing.SharedSpark;

/**
 * The driver and the local executor compile each stage's generated code once between them (see
 * {@link LocalCodegenSharing}).
 */
@ExtendWith(SharedSpark.class)
class LocalCodegenSharingTest {
  @Test
  void tasksRunUnderTheLoaderTheDriverThreadCompilesWith(SparkSession spark) {
    assertThat(loaderOfSqlTasks(spark)).isSameAs(Thread.currentThread().getContextClassLoader());
  }

  /** Spark's per-session loader, which asks the driver for every class it lacks, is off. */
  @Test
  void tasksLookUpClassesLocally(SparkSession spark) {
    assertThat(loaderOfSqlTasks(spark)).isNotInstanceOf(ExecutorClassLoader.class);
  }

  /** The context class loader a SQL query's task runs under. */
  private static ClassLoader loaderOfSqlTasks(SparkSession spark) {
    ClassLoader seen = LocalCodegenSharing.loaderOfSqlTasks(spark);
    assertThat(seen).as("the loader a task saw").isNotNull();
    return seen;
  }

  @Test
  void aStagesCodeIsCompiledOnce(SparkSession spark) {
    long before = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
    // A multiplier no other test uses: code Spark has not generated before in this JVM.
    // Written nowhere ("noop"), so the driver needs no code to read the rows back.
    spark
        .range(0, 100, 1, 2)
        .selectExpr("id * 982451653 AS v")
        .filter("v % 7 = 3")
        .write()
        .format("noop")
        .mode("overwrite")
        .save();
    long compiled = CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - before;
    assertThat(compiled).isEqualTo(1);
  }
}
