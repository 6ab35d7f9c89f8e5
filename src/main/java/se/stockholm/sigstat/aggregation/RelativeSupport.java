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
  /** The measures by målgrupp (kategori ALLA: all målgrupper). */
  public static final List<String> BY_TARGET_GROUP =
      List.of("ANHORIGA_AKTUELLA", "ANHORIGA_NYA", "ANHORIGA_SAMTAL");

  /** The measure by relation. */
  public static final String BY_RELATION = "ANHORIGA_RELATION";

  private RelativeSupport() {}

  /**
   * @param targetSets grouping sets of the measures by målgrupp
   * @param relationSets grouping sets of the measure by relation
   */
  public static Dataset<Row> apply(
      Dataset<Row> relativeFacts,
      Dataset<Row> periods,
      String city,
      List<List<String>> targetSets,
      List<List<String>> relationSets) {
    Dataset<Row> current =
        relativeFacts
            .crossJoin(broadcast(periods))
            .filter(Periods.overlaps("startdatum", "slutdatum"));
    List<String> fixed = List.of(Dimensions.PERIOD, Dimensions.ACTIVITY);
    Dataset<Row> byTarget =
        CellRows.withTotalsOutside(
            CellRows.withTotals(
                CellRows.groupingSets(
                        current.withColumn(Dimensions.CATEGORY, col("malgrupp")), fixed, targetSets)
                    .agg(
                        count_distinct(col("person_id")).as("aktuella"),
                        count_distinct(when(Periods.within("startdatum"), col("person_id")))
                            .as("nya"),
                        sum("antal_samtal").as("samtal")),
                city),
            city);
    Dataset<Row> byRelation =
        CellRows.withTotalsOutside(
            CellRows.withTotals(
                CellRows.groupingSets(
                        current.withColumn(Dimensions.CATEGORY, col("relation")),
                        fixed,
                        relationSets)
                    .agg(count_distinct(col("person_id")).as("aktuella")),
                city),
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
