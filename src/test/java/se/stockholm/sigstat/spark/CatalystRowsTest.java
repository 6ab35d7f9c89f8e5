package se.stockholm.sigstat.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.testing.SharedSpark;

/** The direct conversion gives the rows Spark's own createDataFrame gives. */
@ExtendWith(SharedSpark.class)
class CatalystRowsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("text", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("count", DataTypes.IntegerType)
          .add("line", DataTypes.LongType)
          .add("hours", DataTypes.DoubleType);

  private static JavaRDD<Row> rdd(SparkSession spark, List<Row> rows) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2);
  }

  @Test
  void givesWhatCreateDataFrameGives(SparkSession spark) {
    List<Row> rows =
        Arrays.asList(
            RowFactory.create("Åsa ÄÖ", LocalDate.of(2024, 2, 29), 4, 2L, 1.5),
            RowFactory.create(null, null, null, null, null),
            RowFactory.create("", LocalDate.of(1969, 12, 31), -1, Long.MAX_VALUE, -0.25),
            RowFactory.create("x", LocalDate.of(2010, 1, 1), 0, 0L, 0.0));

    List<Row> direct = CatalystRows.dataFrame(spark, rdd(spark, rows), SCHEMA).collectAsList();
    List<Row> viaEncoder = spark.createDataFrame(rdd(spark, rows), SCHEMA).collectAsList();

    assertThat(direct).isEqualTo(viaEncoder);
    assertThat(direct.get(0).getString(0)).isEqualTo("Åsa ÄÖ");
    assertThat(direct.get(2).get(1).toString()).isEqualTo("1969-12-31");
  }

  @Test
  void aValueOfTheWrongTypeFailsNamingIt(SparkSession spark) {
    List<Row> rows = List.of(RowFactory.create("a", "2024-01-01", 1, 1L, 1.0));

    assertThatThrownBy(() -> CatalystRows.dataFrame(spark, rdd(spark, rows), SCHEMA).count())
        .hasStackTraceContaining("A String where a DATE value belongs");
  }
}
