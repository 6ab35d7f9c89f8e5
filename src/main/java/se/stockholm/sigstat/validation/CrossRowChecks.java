package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/**
 * Rules that look across files, as Dataset operations: references to the episode file, dependants
 * of rejected episodes, and assessment dates within their episode. A row keeps the first reason it
 * was rejected for. Duplicate keys, a rule within one file, are found as the rows are validated
 * ({@link DuplicateKeys}).
 */
public final class CrossRowChecks {
  private static final String REASON = SparkSchemas.REJECT_REASON;

  private CrossRowChecks() {}

  /**
   * Rejects rows whose period_id is not an accepted episode of the same delivery: unknown ids, and
   * dependants of rejected episodes. For assessments, also checks the date against the episode
   * (within it; EFTER_AVSLUT after avslutsdatum).
   */
  public static Dataset<Row> rejectOrphans(
      Dataset<Row> child, FileSpec childSpec, Dataset<Row> episodes, FileSpec episodeSpec) {
    String ref = childSpec.referenceColumn();
    Dataset<Row> parents =
        episodes
            .filter(col(ref).isNotNull())
            .groupBy(col(SparkSchemas.DELIVERY_ID).as("p_leverans"), col(ref).as("p_id"))
            .agg(
                count(lit(1)).as("p_n"),
                sum(when(col(REASON).isNull(), 1).otherwise(0)).as("p_ok"),
                min(col(SparkSchemas.LINE)).as("p_rad"),
                first(col("inskrivningsdatum")).as("p_start"),
                max(col("avslutsdatum")).as("p_end"));
    Dataset<Row> joined =
        child.join(
            parents,
            col(ref)
                .equalTo(col("p_id"))
                .and(col(SparkSchemas.DELIVERY_ID).equalTo(col("p_leverans"))),
            "left");
    Column missing = col(ref).isNotNull().and(col("p_id").isNull());
    joined =
        reject(
            joined,
            missing,
            lit(ref),
            col(ref),
            concat(lit(ref + " "), col(ref), lit(" finns inte i " + episodeSpec.fileName())));
    Column parentRejected =
        col("p_id").isNotNull().and(col("p_ok").notEqual(col("p_n")).or(col("p_n").gt(1)));
    joined =
        reject(
            joined,
            parentRejected,
            lit(ref),
            col(ref),
            concat(
                lit("hör till insatsperioden "),
                col(ref),
                lit(" som är avvisad (rad "),
                col("p_rad").cast("string"),
                lit(" i " + episodeSpec.fileName() + ")")));
    if (childSpec.name().equals("bedomningar")) {
      joined = rejectAssessmentOutsideEpisode(joined);
    }
    return joined.drop("p_leverans", "p_id", "p_n", "p_ok", "p_rad", "p_start", "p_end");
  }

  private static Dataset<Row> rejectAssessmentOutsideEpisode(Dataset<Row> joined) {
    Column date = col("datum");
    Column after = col("mattillfalle").equalTo("EFTER_AVSLUT");
    Column afterWithoutEnd = after.and(col("p_end").isNull());
    Column afterTooEarly = after.and(col("p_end").isNotNull()).and(date.leq(col("p_end")));
    Column beforeStart = after.unary_$bang().and(date.lt(col("p_start")));
    Column afterEnd = after.unary_$bang().and(col("p_end").isNotNull()).and(date.gt(col("p_end")));
    Column reason =
        when(
                afterWithoutEnd,
                lit("mättillfälle EFTER_AVSLUT men insatsperioden har inget avslutsdatum"))
            .when(
                afterTooEarly,
                concat(
                    lit("datum "),
                    date.cast("string"),
                    lit(" för EFTER_AVSLUT ligger inte efter avslutsdatum "),
                    col("p_end").cast("string")))
            .when(
                beforeStart,
                concat(
                    lit("datum "),
                    date.cast("string"),
                    lit(" ligger före insatsperiodens inskrivningsdatum "),
                    col("p_start").cast("string")))
            .when(
                afterEnd,
                concat(
                    lit("datum "),
                    date.cast("string"),
                    lit(" ligger efter insatsperiodens avslutsdatum "),
                    col("p_end").cast("string")));
    Column outside =
        col("p_start")
            .isNotNull()
            .and(date.isNotNull())
            .and(afterWithoutEnd.or(afterTooEarly).or(beforeStart).or(afterEnd));
    return reject(joined, outside, lit("datum"), date.cast("string"), reason);
  }

  /** Sets the rejection fields where {@code condition} holds and the row is not yet rejected. */
  static Dataset<Row> reject(
      Dataset<Row> ds, Column condition, Column column, Column value, Column reason) {
    Column fresh = col(REASON).isNull().and(coalesce(condition, lit(false)));
    return ds.withColumn(
            SparkSchemas.REJECT_COLUMN,
            when(fresh, column).otherwise(col(SparkSchemas.REJECT_COLUMN)))
        .withColumn(
            SparkSchemas.REJECT_VALUE, when(fresh, value).otherwise(col(SparkSchemas.REJECT_VALUE)))
        .withColumn(REASON, when(fresh, reason).otherwise(col(REASON)));
  }
}
