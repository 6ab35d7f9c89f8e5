package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/**
 * The duplicate-key rule as ingest ran it in Spark SQL until it moved into the validating tasks
 * ({@link DuplicateKeys}): one window over all rows by key and delivery. Kept as the reference the
 * streaming rule must agree with, row for row.
 */
final class DuplicateKeysInSql {
  private DuplicateKeysInSql() {}

  /** Rejects every row whose key occurs more than once in its delivery, naming the lines. */
  static Dataset<Row> rejectDuplicateKeys(Dataset<Row> validated, FileSpec spec) {
    if (spec.key().isEmpty()) {
      return validated;
    }
    // Rows are sorted in this order. The first key column leads: Spark's sort compares a short
    // prefix of the first column before whole rows, and the delivery, nearly constant within a
    // partition, would decide nothing there. The delivery comes second, so that the same sort
    // also serves the join of the assessments to their episodes on (period_id, delivery).
    List<Column> partition = new ArrayList<>();
    Column keyPresent = lit(true);
    for (String k : spec.key()) {
      partition.add(col(k));
      keyPresent = keyPresent.and(col(k).isNotNull());
    }
    partition.add(1, col(SparkSchemas.DELIVERY_ID));
    WindowSpec sameKey = Window.partitionBy(partition.toArray(Column[]::new));
    // Materialise the window once; the three rejection columns then read plain columns.
    Dataset<Row> counted =
        validated
            .withColumn("_dup_n", count(lit(1)).over(sameKey))
            // The line list is only wanted for duplicates; sorting and joining it for every
            // unique row would be most of the window's cost.
            .withColumn(
                "_dup_rader",
                when(
                    col("_dup_n").gt(1),
                    array_join(
                        slice(
                            array_sort(collect_list(col(SparkSchemas.LINE)).over(sameKey)), 1, 10),
                        ", ")));
    Column keyText =
        spec.key().size() == 1
            ? concat(lit(spec.key().get(0) + " "), col(spec.key().get(0)).cast("string"))
            : concat(
                lit("nyckeln ("),
                array_join(
                    org.apache.spark.sql.functions.array(
                        spec.key().stream().map(k -> col(k).cast("string")).toArray(Column[]::new)),
                    ", "),
                lit(")"));
    Column reason =
        concat(
            lit("dubblett: "),
            keyText,
            lit(" förekommer "),
            col("_dup_n").cast("string"),
            lit(" gånger i " + spec.fileName() + " (rad "),
            col("_dup_rader"),
            lit(")"));
    Column duplicate = keyPresent.and(col("_dup_n").gt(1));
    return CrossRowChecks.reject(
            counted,
            duplicate,
            lit(spec.key().get(0)),
            col(spec.key().get(0)).cast("string"),
            reason)
        .drop("_dup_n", "_dup_rader");
  }
}
