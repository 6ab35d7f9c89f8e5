package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import se.stockholm.sigstat.model.ReportingPeriod;

/** Periods as a small Dataset to cross-join with records, and the "aktuell in P" conditions. */
public final class Periods {
  public static final String START = "p_start";
  public static final String END = "p_end";

  private Periods() {}

  /** Distinct by code, in the given order. */
  public static List<ReportingPeriod> distinct(List<ReportingPeriod> periods) {
    Map<String, ReportingPeriod> byCode = new LinkedHashMap<>();
    periods.forEach(p -> byCode.putIfAbsent(p.code(), p));
    return new ArrayList<>(byCode.values());
  }

  public static Dataset<Row> toDataset(SparkSession spark, List<ReportingPeriod> periods) {
    List<Row> rows = new ArrayList<>();
    for (ReportingPeriod p : distinct(periods)) {
      rows.add(RowFactory.create(p.code(), p.start(), p.end()));
    }
    return spark.createDataFrame(
        rows,
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(Dimensions.PERIOD, DataTypes.StringType, false),
                DataTypes.createStructField(START, DataTypes.DateType, false),
                DataTypes.createStructField(END, DataTypes.DateType, false))));
  }

  /** Started on or before the period's end and not ended before its start. */
  public static Column overlaps(String startColumn, String endColumn) {
    return col(startColumn)
        .leq(col(END))
        .and(col(endColumn).isNull().or(col(endColumn).geq(col(START))));
  }

  public static Column within(String dateColumn) {
    return col(dateColumn).between(col(START), col(END));
  }
}
