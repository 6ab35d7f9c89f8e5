package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.rint;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;

/**
 * The sum of a decimal column (stored as double) added up exactly. A sum of doubles depends on the
 * order Spark meets the rows in, which varies from run to run with partitions and tasks: hours of
 * 667.1 over 64 persons came out as 10.423437 or 10.423438 in two runs on the same data. Each value
 * is counted in millionths (as a long, so the sum is exact and still a primitive sum; a Spark
 * decimal sum of this precision is a BigDecimal per row) and the total divided back once, which
 * gives the double nearest the exact decimal sum.
 */
final class ExactSum {
  private static final double MILLIONTHS = 1_000_000d;

  private ExactSum() {}

  /** Σ column to six decimals, as a double; null when every value is null, as Spark's sum. */
  static Column of(String column) {
    return sum(rint(col(column).multiply(MILLIONTHS)).cast("long"))
        .cast("double")
        .divide(MILLIONTHS);
  }
}
