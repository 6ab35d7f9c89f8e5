package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The sum of a decimal column (stored as double) added up exactly. A sum of doubles depends on the
 * order Spark meets the rows in, which varies from run to run with partitions and tasks: hours of
 * 667.1 over 64 persons came out as 10.423437 or 10.423438 in two runs on the same data. Each value
 * is taken at its shortest decimal form (as written in the delivery) to six decimals.
 */
final class ExactSum {
  private static final DataType DECIMAL = DataTypes.createDecimalType(28, 6);

  private ExactSum() {}

  /** Σ column, exact, as a double; null when every value is null, as Spark's sum. */
  static Column of(String column) {
    return sum(col(column).cast(DECIMAL)).cast(DataTypes.DoubleType);
  }
}
