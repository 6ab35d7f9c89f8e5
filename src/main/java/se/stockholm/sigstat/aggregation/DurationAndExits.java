package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
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

  public static Dataset<Row> apply(Dataset<Row> episodeFacts, Dataset<Row> periods, String city) {
    Dataset<Row> closed =
        episodeFacts
            .crossJoin(broadcast(periods))
            .filter(Periods.within("avslutsdatum"))
            .withColumn("dagar", datediff(col("avslutsdatum"), col("inskrivningsdatum")));
    Dataset<Row> quartiles =
        CellRows.withTotals(
            CellRows.cube(closed, List.of(Dimensions.PERIOD), Dimensions.CUBE)
                .agg(
                    expr("percentile(dagar, array(0.25, 0.5, 0.75))").as("q"),
                    count(lit(1)).as("n")),
            city);
    Column none = CellRows.none();
    Column cat = lit(Dimensions.NO_CATEGORY);
    Dataset<Row> rows =
        CellRows.measures(
            quartiles,
            CellRows.out("VARDTID_Q1", cat, col("q").getItem(0), none, col("n"), none),
            CellRows.out("VARDTID_MEDIAN", cat, col("q").getItem(1), none, col("n"), none),
            CellRows.out("VARDTID_Q3", cat, col("q").getItem(2), none, col("n"), none));
    List<String> cubed = new ArrayList<>(Dimensions.CUBE);
    cubed.add(Dimensions.CATEGORY);
    Dataset<Row> reasons =
        CellRows.withTotals(
            CellRows.cube(
                    closed.withColumn(Dimensions.CATEGORY, col("avslutsorsak")),
                    List.of(Dimensions.PERIOD),
                    cubed)
                .agg(count(lit(1)).as("n")),
            city);
    return rows.union(
        CellRows.measures(
            reasons,
            CellRows.out("AVSLUT_ORSAK", col(Dimensions.CATEGORY), none, col("n"), none, none)));
  }
}
