package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Insatser overlapping the period, given in episodes aktuella in it: persons with each insats type,
 * and hours. Shares and hours per person (over AKTUELLA) are finished on the driver.
 */
public final class InterventionReach {
  private InterventionReach() {}

  /** The measures this statistic computes (kategori = insatstyp, ALLA: any insats). */
  public static final List<String> MEASURES =
      List.of("INSATS_INDIVIDER", "INSATS_TIMMAR_PER_INDIVID");

  /**
   * @param sets grouping sets over the cube dimensions and kategori
   */
  public static Dataset<Row> apply(
      Dataset<Row> episodeFacts,
      Dataset<Row> interventions,
      Dataset<Row> periods,
      String city,
      List<List<String>> sets) {
    Dataset<Row> current =
        episodeFacts
            .crossJoin(broadcast(periods))
            .filter(Periods.overlaps("inskrivningsdatum", "avslutsdatum"))
            .drop("inskrivningsdatum", "avslutsdatum");
    Dataset<Row> given =
        interventions
            .select(
                col("stadsdel").as(EpisodeFacts.SOURCE_DISTRICT),
                col("period_id"),
                col("insatstyp").as(Dimensions.CATEGORY),
                col("startdatum"),
                col("slutdatum"),
                col("timmar"))
            .join(current, new String[] {EpisodeFacts.SOURCE_DISTRICT, "period_id"}, "inner")
            .filter(Periods.overlaps("startdatum", "slutdatum"));
    Dataset<Row> agg =
        CellRows.withTotalsOutside(
            CellRows.withTotals(
                CellRows.groupingSets(given, List.of(Dimensions.PERIOD), sets)
                    .agg(count_distinct(col("person_id")).as("n"), ExactSum.of("timmar").as("h")),
                city),
            city);
    org.apache.spark.sql.Column none = CellRows.none();
    return CellRows.measures(
        agg,
        CellRows.out("INSATS_INDIVIDER", col(Dimensions.CATEGORY), none, col("n"), none, none),
        CellRows.out(
            "INSATS_TIMMAR_PER_INDIVID", col(Dimensions.CATEGORY), none, col("h"), none, none));
  }
}
