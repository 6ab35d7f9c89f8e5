package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * Hours are added up to the same figure whatever order and partitions the rows come in; a sum of
 * doubles is not (0.1 + 0.2 + 0.3 is 0.6000000000000001 in that order, 0.6 in the reverse).
 */
@ExtendWith(SharedSpark.class)
class ExactSumTest {
  private static final StructType SCHEMA =
      new StructType().add("grupp", DataTypes.StringType).add("timmar", DataTypes.DoubleType);

  @Test
  void theSumIsExactInEveryOrderAndPartitioning(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (double h : new double[] {0.1, 0.2, 0.3}) {
      rows.add(RowFactory.create("A", h));
    }
    // B: 64 values adding up to 667.1, whose double sum depends on the order (as in a demo run).
    Random rnd = new Random(7);
    List<Double> b = new ArrayList<>();
    long tenths = 0;
    for (int i = 0; i < 63; i++) {
      long t = 1 + rnd.nextInt(150);
      tenths += t;
      b.add(t / 10.0);
    }
    b.add((6671 - tenths) / 10.0);
    rows.add(RowFactory.create("C", null));
    for (int shuffle = 0; shuffle < 5; shuffle++) {
      List<Row> ordered = new ArrayList<>(rows);
      b.forEach(h -> ordered.add(RowFactory.create("B", h)));
      Collections.shuffle(ordered, new Random(shuffle));
      for (int partitions : new int[] {1, 3}) {
        Dataset<Row> sums =
            spark
                .createDataFrame(ordered, SCHEMA)
                .repartition(partitions)
                .groupBy(col("grupp"))
                .agg(ExactSum.of("timmar").as("h"))
                .orderBy("grupp");
        List<Row> out = sums.collectAsList();
        assertThat(out.get(0).getDouble(1)).isEqualTo(0.6);
        assertThat(out.get(1).getDouble(1)).isEqualTo(667.1);
        assertThat(out.get(2).isNullAt(1)).isTrue();
      }
    }
  }
}
