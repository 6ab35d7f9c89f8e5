package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_date;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The long that stands for a dated rating must order exactly as (datum, AVSLUT flag, skattning)
 * does, and give back its date and rating, or the baseline and follow-up would be picked wrong.
 */
@ExtendWith(SharedSpark.class)
class RatingCodeTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("datum", DataTypes.DateType)
          .add("avslut", DataTypes.LongType)
          .add("skattning", DataTypes.IntegerType);

  @Test
  void codesOrderAsDateThenAvslutThenRatingAndDecode(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (String date : List.of("1969-12-31", "2024-03-05", "2024-03-06", "2025-01-01")) {
      for (long avslut : new long[] {0, 1}) {
        for (int rating : new int[] {-2, 0, 1, 3, 4}) {
          rows.add(RowFactory.create(LocalDate.parse(date), avslut, rating));
        }
      }
    }
    Dataset<Row> coded =
        spark
            .createDataFrame(rows, SCHEMA)
            .withColumn(
                "code",
                LifeSituationChange.RatingCode.of(col("datum"), col("avslut"), col("skattning")))
            .withColumn("dag", LifeSituationChange.RatingCode.day(col("code")))
            .withColumn("betyg", LifeSituationChange.RatingCode.rating(col("code")))
            .withColumn("dag_fasit", unix_date(col("datum")));
    List<Row> byCode = new ArrayList<>(coded.collectAsList());
    byCode.sort(Comparator.comparingLong(r -> r.getLong(r.fieldIndex("code"))));
    List<Row> byFields = new ArrayList<>(byCode);
    byFields.sort(
        Comparator.<Row, LocalDate>comparing(r -> r.getLocalDate(0))
            .thenComparingLong(r -> r.getLong(1))
            .thenComparingInt(r -> r.getInt(2)));
    assertThat(byCode).containsExactlyElementsOf(byFields);
    for (Row r : byCode) {
      assertThat(r.getInt(r.fieldIndex("betyg"))).isEqualTo(r.getInt(2));
      assertThat(r.getLong(r.fieldIndex("dag")))
          .isEqualTo((long) r.getInt(r.fieldIndex("dag_fasit")));
    }
  }
}
