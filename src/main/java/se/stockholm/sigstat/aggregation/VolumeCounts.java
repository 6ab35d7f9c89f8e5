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

  /** Over the whole cube (report periods). */
  public static Dataset<Row> apply(Dataset<Row> episodeFacts, Dataset<Row> periods, String city) {
    return apply(episodeFacts, periods, city, Dimensions.CUBE);
  }

  /**
   * Over the given cube dimensions; the others are reported as totals only (the trend series is
   * broken down by stadsdel, verksamhet and kön, not by age band).
   */
  public static Dataset<Row> apply(
      Dataset<Row> episodeFacts, Dataset<Row> periods, String city, List<String> cubed) {
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
        CellRows.personCounts(current, List.of(Dimensions.PERIOD), cubed, city, "AKTUELLA", flags);
    agg = CellRows.withTotalsOutside(agg, cubed, city);
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
