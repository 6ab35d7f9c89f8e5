package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.testing.SharedSpark;

/**
 * The changes are counted per value before the grouping sets, so their mean and deviation come from
 * the count, sum and sum of squares: they must equal Spark's avg and stddev_samp of the values
 * themselves, nulls included.
 */
@ExtendWith(SharedSpark.class)
class MomentsTest {
  private static final StructType SCHEMA =
      new StructType().add("grupp", DataTypes.StringType).add("x", DataTypes.IntegerType);

  @Test
  void meanAndDeviationFromCountedValuesEqualSparksOverTheValues(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    // A: -1, 0, 2, 2, 3 → mean 6/5 = 1.2; n·Σx² − (Σx)² = 5·18 − 36 = 54; sd = √(54/20)
    for (int x : new int[] {-1, 0, 2, 2, 3}) {
      rows.add(RowFactory.create("A", x));
    }
    rows.add(RowFactory.create("A", null));
    rows.add(RowFactory.create("B", 2)); // one value: mean 2, no deviation
    rows.add(RowFactory.create("C", null)); // no values: neither
    Dataset<Row> values = spark.createDataFrame(rows, SCHEMA);
    Dataset<Row> counted =
        values
            .groupBy(col("grupp"), col("x"))
            .agg(count(lit(1)).as("n"))
            .groupBy(col("grupp"))
            .agg(
                sum(when(col("x").isNotNull(), col("n"))).as("n"),
                sum(col("x").multiply(col("n"))).as("s1"),
                sum(col("x").multiply(col("x")).multiply(col("n"))).as("s2"))
            .select(
                col("grupp"),
                Moments.mean(col("n"), col("s1")).as("medel"),
                Moments.sampleStandardDeviation(col("n"), col("s1"), col("s2")).as("sd"))
            .orderBy("grupp");
    Dataset<Row> spark1 =
        values
            .groupBy(col("grupp"))
            .agg(avg(col("x")).as("medel"), stddev_samp(col("x")).as("sd"))
            .orderBy("grupp");
    List<Row> ours = counted.collectAsList();
    List<Row> theirs = spark1.collectAsList();

    assertThat(ours.get(0).getDouble(1)).isEqualTo(1.2);
    assertThat(ours.get(0).getDouble(2)).isCloseTo(Math.sqrt(54.0 / 20), within(1e-15));
    assertThat(ours.get(1).getDouble(1)).isEqualTo(2.0);
    assertThat(ours.get(1).isNullAt(2)).isTrue();
    assertThat(ours.get(2).isNullAt(1)).isTrue();
    assertThat(ours.get(2).isNullAt(2)).isTrue();
    for (int i = 0; i < 3; i++) {
      for (int c = 1; c <= 2; c++) {
        if (theirs.get(i).isNullAt(c)) {
          assertThat(ours.get(i).isNullAt(c)).as(i + "/" + c).isTrue();
        } else {
          assertThat(ours.get(i).getDouble(c))
              .as(i + "/" + c)
              .isCloseTo(theirs.get(i).getDouble(c), within(1e-12));
        }
      }
    }
  }
}
