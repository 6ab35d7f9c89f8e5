package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * AKTUELLA, NYA, AVSLUTADE and PAGAENDE_VID_SLUT: distinct persons per cell, for every period, in
 * one aggregation over the cube.
 */
public final class VolumeCounts {
  private VolumeCounts() {}

  /** The measures this statistic computes. */
  public static final List<String> MEASURES =
      List.of("AKTUELLA", "NYA", "AVSLUTADE", "PAGAENDE_VID_SLUT");

  /**
   * Over the given grouping sets of the cube dimensions; dimensions no set has are reported as
   * totals only.
   */
  public static Dataset<Row> apply(
      Dataset<Row> episodeFacts, Dataset<Row> periods, String city, List<List<String>> sets) {
    Dataset<Row> current =
        episodeFacts
            .crossJoin(broadcast(periods))
            .filter(Periods.overlaps("inskrivningsdatum", "avslutsdatum"));
    Column ongoing = col("avslutsdatum").isNull().or(col("avslutsdatum").gt(col(Periods.END)));
    Map<String, Column> flags = new LinkedHashMap<>();
    flags.put("NYA", Periods.within("inskrivningsdatum"));
    flags.put("AVSLUTADE", Periods.within("avslutsdatum"));
    flags.put("PAGAENDE_VID_SLUT", ongoing);
    Dataset<Row> agg =
        CellRows.personCounts(current, List.of(Dimensions.PERIOD), sets, city, "AKTUELLA", flags);
    agg = CellRows.withTotalsOutside(agg, city);
    Column none = CellRows.none();
    Column cat = lit(Dimensions.NO_CATEGORY);
    return CellRows.measures(
        agg,
        CellRows.out("AKTUELLA", cat, col("AKTUELLA"), none, none, none),
        CellRows.out("NYA", cat, col("NYA"), none, none, none),
        CellRows.out("AVSLUTADE", cat, col("AVSLUTADE"), none, none, none),
        CellRows.out("PAGAENDE_VID_SLUT", cat, col("PAGAENDE_VID_SLUT"), none, none, none));
  }
}
