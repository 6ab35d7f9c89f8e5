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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/**
 * What validation found: rows read / accepted / rejected per delivery and file, and every rejected
 * row as a ledger entry, ordered by delivery, file and line.
 */
public record ValidationSummary(List<FileCounts> counts, List<RejectedRowsLedger.Entry> rejected) {
  private static final Comparator<RejectedRowsLedger.Entry> LEDGER_ORDER =
      Comparator.comparing(RejectedRowsLedger.Entry::leverans)
          .thenComparing(RejectedRowsLedger.Entry::fil)
          .thenComparing(RejectedRowsLedger.Entry::rad);

  /**
   * Counts and rejected rows of every validated file (nothing when no file was validated), brought
   * to the driver in one Spark job.
   */
  public static ValidationSummary of(ValidationResult result, FollowUpModel model) {
    Dataset<Row> all = null;
    for (Map.Entry<String, Dataset<Row>> e : result.validatedByFile().entrySet()) {
      Dataset<Row> part =
          e.getValue()
              .select(
                  col(SparkSchemas.DELIVERY_ID),
                  lit(model.deliveryFile(e.getKey()).fileName()).as("fil"),
                  when(col(SparkSchemas.REJECT_REASON).isNotNull(), 1).otherwise(0).as("avvisad"),
                  ledgerLine().as("rad"));
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
        ledger.add(entry(line, file));
      }
    }
    return sorted(counts, ledger);
  }

  /**
   * The summary of rows that were counted where they were written: each file's rejected rows as
   * {@link #ledgerLine()} gives them, and its accepted rows per delivery id. A delivery with
   * neither in a file has no counts for it (as with {@link #of}).
   */
  public static ValidationSummary of(
      Map<String, List<Row>> rejectedLinesByFile, Map<String, Map<String, Long>> acceptedByFile) {
    List<FileCounts> counts = new ArrayList<>();
    List<RejectedRowsLedger.Entry> ledger = new ArrayList<>();
    for (Map.Entry<String, Map<String, Long>> file : acceptedByFile.entrySet()) {
      Map<String, Long> rejected = new LinkedHashMap<>();
      for (Row line : rejectedLinesByFile.getOrDefault(file.getKey(), List.of())) {
        rejected.merge(line.getString(0), 1L, Long::sum);
        ledger.add(entry(line, file.getKey()));
      }
      Map<String, Long> accepted = new LinkedHashMap<>(file.getValue());
      rejected.keySet().forEach(id -> accepted.putIfAbsent(id, 0L));
      accepted.forEach(
          (id, ok) -> {
            long no = rejected.getOrDefault(id, 0L);
            if (ok + no > 0) {
              counts.add(new FileCounts(id, file.getKey(), ok + no, ok, no));
            }
          });
    }
    return sorted(counts, ledger);
  }

  /**
   * A rejected row's ledger line, null for an accepted row (collect_list skips the nulls): its
   * delivery id, the delivery as the ledger names it, line, column, masked value and reason.
   */
  public static Column ledgerLine() {
    return when(
        col(SparkSchemas.REJECT_REASON).isNotNull(),
        struct(
            col(SparkSchemas.DELIVERY_ID),
            concat(
                col(SparkSchemas.DELIVERY_DISTRICT),
                lit("/"),
                col(SparkSchemas.DELIVERY_DATE).cast("string")),
            col(SparkSchemas.LINE),
            col(SparkSchemas.REJECT_COLUMN),
            col(SparkSchemas.REJECT_VALUE),
            col(SparkSchemas.REJECT_REASON)));
  }

  private static RejectedRowsLedger.Entry entry(Row line, String file) {
    return entry(line, file, line.getString(1));
  }

  /**
   * The ledger entry of a {@link #ledgerLine()} row of {@code file}, naming its delivery as {@code
   * leverans}.
   */
  public static RejectedRowsLedger.Entry entry(Row line, String file, String leverans) {
    return new RejectedRowsLedger.Entry(
        leverans, file, line.getLong(2), line.getString(3), line.getString(4), line.getString(5));
  }

  private static ValidationSummary sorted(
      List<FileCounts> counts, List<RejectedRowsLedger.Entry> ledger) {
    counts.sort(Comparator.comparing(FileCounts::deliveryId).thenComparing(FileCounts::file));
    ledger.sort(LEDGER_ORDER);
    return new ValidationSummary(counts, ledger);
  }
}
