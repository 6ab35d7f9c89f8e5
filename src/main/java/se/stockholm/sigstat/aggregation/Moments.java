package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Mean and sample standard deviation from the count, sum and sum of squares of integer values, so
 * that values counted per distinct value first can still be summarised. Null where Spark's avg and
 * stddev_samp are null (no values; one value for the deviation). The deviation is computed from
 * exact integer sums, rounded once.
 */
final class Moments {
  private Moments() {}

  /** Σx / n, null if n = 0. */
  static Column mean(Column n, Column sum) {
    return when(n.gt(0), sum.cast("double").divide(n.cast("double")));
  }

  /** √((n·Σx² − (Σx)²) / (n·(n − 1))), null if n ≤ 1. */
  static Column sampleStandardDeviation(Column n, Column sum, Column sumOfSquares) {
    Column spread = n.multiply(sumOfSquares).minus(sum.multiply(sum)).cast("double");
    return when(n.gt(1), sqrt(spread.divide(n.multiply(n.minus(1)).cast("double"))));
  }
}
