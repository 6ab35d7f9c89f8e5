package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Anhörigstöd: relatives aktuella and new in the period by målgrupp, aktuella by relation, and the
 * number of conversations, over district × kön × åldersgrupp (verksamhet ANHORIGSTOD).
 */
public final class RelativeSupport {
  private static final List<String> CUBED =
      List.of(Dimensions.DISTRICT, Dimensions.GENDER, Dimensions.AGE_BAND, Dimensions.CATEGORY);

  private RelativeSupport() {}

  public static Dataset<Row> apply(Dataset<Row> relativeFacts, Dataset<Row> periods, String city) {
    Dataset<Row> current =
        relativeFacts
            .crossJoin(broadcast(periods))
            .filter(Periods.overlaps("startdatum", "slutdatum"));
    List<String> fixed = List.of(Dimensions.PERIOD, Dimensions.ACTIVITY);
    Dataset<Row> byTarget =
        CellRows.withTotals(
            CellRows.cube(current.withColumn(Dimensions.CATEGORY, col("malgrupp")), fixed, CUBED)
                .agg(
                    count_distinct(col("person_id")).as("aktuella"),
                    count_distinct(when(Periods.within("startdatum"), col("person_id"))).as("nya"),
                    sum("antal_samtal").as("samtal")),
            city);
    Dataset<Row> byRelation =
        CellRows.withTotals(
            CellRows.cube(current.withColumn(Dimensions.CATEGORY, col("relation")), fixed, CUBED)
                .agg(count_distinct(col("person_id")).as("aktuella")),
            city);
    org.apache.spark.sql.Column none = CellRows.none();
    org.apache.spark.sql.Column cat = col(Dimensions.CATEGORY);
    return CellRows.measures(
            byTarget,
            CellRows.out("ANHORIGA_AKTUELLA", cat, col("aktuella"), none, none, none),
            CellRows.out("ANHORIGA_NYA", cat, col("nya"), none, none, none),
            CellRows.out("ANHORIGA_SAMTAL", cat, col("samtal"), none, none, none))
        .union(
            CellRows.measures(
                byRelation,
                CellRows.out("ANHORIGA_RELATION", cat, col("aktuella"), none, none, none)));
  }
}
