package se.stockholm.sigstat.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import se.stockholm.sigstat.ingest.Excerpt;
import se.stockholm.sigstat.ingest.Personnummer;
import se.stockholm.sigstat.ingest.RawRowReader;
import se.stockholm.sigstat.model.ColumnSpec;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.spark.CatalystRows;

/**
 * Runs the row rules of one file over a raw row (on the executors) and returns the validated row:
 * typed values, or the first rejection with its column, masked value and reason.
 */
public final class RowValidator implements Function<Row, Row> {
  private final FileSpec spec;
  private final List<RowRule> rules;
  private final ParsedRow.Columns positions;

  /** Where the file's columns start in a validated row (after delivery, district, date, line). */
  private static final int COLUMNS_FROM = 4;

  /** The key rule, for a file with a key. */
  private final DuplicateKeys duplicates;

  public RowValidator(FileSpec spec, List<RowRule> rules) {
    this.spec = spec;
    this.rules = rules;
    this.positions = ParsedRow.positionsOf(spec.columns().stream().map(ColumnSpec::name).toList());
    this.duplicates = spec.key().isEmpty() ? null : new DuplicateKeys(spec, COLUMNS_FROM);
  }

  /**
   * The validated rows of the file's raw rows, as a Dataset: the rules run on the plain rows, which
   * become Spark's internal rows only once, validated. {@code files} are the files each task reads
   * (RawRows' layout); the key rule runs within each task, so a delivery's files must not be split
   * between tasks.
   */
  public Dataset<Row> validate(SparkSession spark, JavaRDD<List<RawRowReader.SourceFile>> files) {
    return CatalystRows.dataFrame(
        spark, files.mapPartitions(this::validated, true), SparkSchemas.validated(spec));
  }

  /**
   * As {@link #validate}, for files spread by delivery as {@link
   * se.stockholm.sigstat.ingest.RawRows} are: the Dataset says so, and Spark spreads them no more.
   */
  public Dataset<Row> validateSpreadByDelivery(
      SparkSession spark, JavaRDD<List<RawRowReader.SourceFile>> files) {
    return CatalystRows.dataFrameSpreadBy(
        spark,
        files.mapPartitions(this::validated, true),
        SparkSchemas.validated(spec),
        SparkSchemas.DELIVERY_ID);
  }

  /**
   * The validated rows of one task's files. With a key, a light first read of the key columns finds
   * the keys that may repeat, and only their rows wait for the end of the files.
   */
  private Iterator<Row> validated(Iterator<List<RawRowReader.SourceFile>> partition) {
    List<RawRowReader.SourceFile> files = new ArrayList<>();
    partition.forEachRemaining(files::addAll);
    Iterator<Row> raw = RawRowReader.rows(files);
    Iterator<Row> validated =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return raw.hasNext();
          }

          @Override
          public Row next() {
            return call(raw.next());
          }
        };
    if (duplicates == null) {
      return validated;
    }
    return duplicates.reject(validated, RepeatedKeys.in(files, duplicates.fingerprint()));
  }

  @Override
  public Row call(Row raw) {
    List<ColumnSpec> cols = spec.columns();
    Object[] out = new Object[COLUMNS_FROM + cols.size() + 3];
    out[0] = raw.getString(0);
    out[1] = raw.getString(1);
    out[2] = raw.get(2);
    out[3] = raw.getLong(3);
    int reject = COLUMNS_FROM + cols.size();
    String parseError = raw.isNullAt(4) ? null : raw.getString(4);
    if (parseError != null) {
      out[reject + 2] = parseError;
      return RowFactory.create(out);
    }
    String[] text = new String[cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      text[c] = (String) raw.get(RawRowReader.FIELDS_FROM + c);
    }
    ParsedRow row = new ParsedRow(positions, text, (LocalDate) raw.get(2));
    for (RowRule rule : rules) {
      Optional<Rejection> r = rule.check(row);
      if (r.isPresent()) {
        String value = Personnummer.maskWithin(r.get().value());
        String reason = Personnummer.maskWithin(r.get().reason());
        if (!Excerpt.isShort(value)) {
          // A huge or unprintable value is quoted as its excerpt, in the reason too.
          reason = reason.replace(value, Excerpt.of(value));
          value = Excerpt.of(value);
        }
        out[reject] = r.get().column();
        out[reject + 1] = value;
        out[reject + 2] = Excerpt.of(reason, Excerpt.MESSAGE_MAX);
        break;
      }
    }
    // A rejected row keeps what parsed before its fault: its key still identifies it for
    // duplicate checks and for naming it as the parent of rejected dependants.
    for (int c = 0; c < cols.size(); c++) {
      out[COLUMNS_FROM + c] = row.value(cols.get(c).name());
    }
    return RowFactory.create(out);
  }
}
