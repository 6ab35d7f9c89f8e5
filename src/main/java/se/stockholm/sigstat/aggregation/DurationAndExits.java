package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Episodes closed in the period: vårdtid quartiles (exact percentiles, R type 7) and the count per
 * exit reason. Shares of exit reasons are finished on the driver.
 */
public final class DurationAndExits {
  private DurationAndExits() {}

  /** The vårdtid quartiles this statistic computes. */
  public static final List<String> DURATION_MEASURES =
      List.of("VARDTID_Q1", "VARDTID_MEDIAN", "VARDTID_Q3");

  /** Closed episodes by exit reason (kategori ALLA: all of them). */
  public static final String EXITS = "AVSLUT_ORSAK";

  /**
   * @param durationSets grouping sets of the quartiles
   * @param exitSets grouping sets of the exit reasons (kategori among the dimensions)
   */
  public static Dataset<Row> apply(
      Dataset<Row> episodeFacts,
      Dataset<Row> periods,
      String city,
      List<List<String>> durationSets,
      List<List<String>> exitSets) {
    Dataset<Row> closed =
        episodeFacts
            .crossJoin(broadcast(periods))
            .filter(Periods.within("avslutsdatum"))
            .withColumn("dagar", datediff(col("avslutsdatum"), col("inskrivningsdatum")));
    Dataset<Row> quartiles =
        CellRows.withTotals(
            CellRows.groupingSets(closed, List.of(Dimensions.PERIOD), durationSets)
                .agg(
                    expr("percentile(dagar, array(0.25, 0.5, 0.75))").as("q"),
                    count(lit(1)).as("n")),
            city);
    Column none = CellRows.none();
    Column cat = lit(Dimensions.NO_CATEGORY);
    quartiles = CellRows.withTotalsOutside(quartiles, city);
    Dataset<Row> rows =
        CellRows.measures(
            quartiles,
            CellRows.out("VARDTID_Q1", cat, col("q").getItem(0), none, col("n"), none),
            CellRows.out("VARDTID_MEDIAN", cat, col("q").getItem(1), none, col("n"), none),
            CellRows.out("VARDTID_Q3", cat, col("q").getItem(2), none, col("n"), none));
    Dataset<Row> reasons =
        CellRows.withTotals(
            CellRows.groupingSets(
                    closed.withColumn(Dimensions.CATEGORY, col("avslutsorsak")),
                    List.of(Dimensions.PERIOD),
                    exitSets)
                .agg(count(lit(1)).as("n")),
            city);
    reasons = CellRows.withTotalsOutside(reasons, city);
    return rows.union(
        CellRows.measures(
            reasons,
            CellRows.out("AVSLUT_ORSAK", col(Dimensions.CATEGORY), none, col("n"), none, none)));
  }
}
