package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/**
 * What validation found, brought to the driver in one Spark job: rows read / accepted / rejected
 * per delivery and file, and every rejected row as a ledger entry, ordered by delivery, file and
 * line.
 */
public record ValidationSummary(List<FileCounts> counts, List<RejectedRowsLedger.Entry> rejected) {
  private static final Comparator<RejectedRowsLedger.Entry> LEDGER_ORDER =
      Comparator.comparing(RejectedRowsLedger.Entry::leverans)
          .thenComparing(RejectedRowsLedger.Entry::fil)
          .thenComparing(RejectedRowsLedger.Entry::rad);

  /** Counts and rejected rows of every validated file (nothing when no file was validated). */
  public static ValidationSummary of(ValidationResult result, FollowUpModel model) {
    Dataset<Row> all = null;
    for (Map.Entry<String, Dataset<Row>> e : result.validatedByFile().entrySet()) {
      Column rejected = col(SparkSchemas.REJECT_REASON).isNotNull();
      Dataset<Row> part =
          e.getValue()
              .select(
                  col(SparkSchemas.DELIVERY_ID),
                  lit(model.deliveryFile(e.getKey()).fileName()).as("fil"),
                  when(rejected, 1).otherwise(0).as("avvisad"),
                  // Only rejected rows carry a ledger line; collect_list skips the nulls.
                  when(
                          rejected,
                          struct(
                              concat(
                                  col(SparkSchemas.DELIVERY_DISTRICT),
                                  lit("/"),
                                  col(SparkSchemas.DELIVERY_DATE).cast("string")),
                              col(SparkSchemas.LINE),
                              col(SparkSchemas.REJECT_COLUMN),
                              col(SparkSchemas.REJECT_VALUE),
                              col(SparkSchemas.REJECT_REASON)))
                      .as("rad"));
      all = all == null ? part : all.union(part);
    }
    List<FileCounts> counts = new ArrayList<>();
    List<RejectedRowsLedger.Entry> ledger = new ArrayList<>();
    if (all == null) {
      return new ValidationSummary(counts, ledger);
    }
    for (Row r :
        all.groupBy(SparkSchemas.DELIVERY_ID, "fil")
            .agg(count(lit(1)), sum("avvisad"), collect_list("rad"))
            .collectAsList()) {
      String file = r.getString(1);
      long read = r.getLong(2);
      long rejected = r.getLong(3);
      counts.add(new FileCounts(r.getString(0), file, read, read - rejected, rejected));
      for (Row line : r.<Row>getList(4)) {
        ledger.add(
            new RejectedRowsLedger.Entry(
                line.getString(0),
                file,
                line.getLong(1),
                line.getString(2),
                line.getString(3),
                line.getString(4)));
      }
    }
    counts.sort(Comparator.comparing(FileCounts::deliveryId).thenComparing(FileCounts::file));
    ledger.sort(LEDGER_ORDER);
    return new ValidationSummary(counts, ledger);
  }
}
