package se.stockholm.sigstat.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import se.stockholm.sigstat.ingest.Checksums;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryInspector;
import se.stockholm.sigstat.ingest.FileLayout;
import se.stockholm.sigstat.ingest.RawRowReader;
import se.stockholm.sigstat.model.ColumnSpec;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.validation.RejectedRowsLedger;
import se.stockholm.sigstat.validation.RejectedRowsObservation;
import se.stockholm.sigstat.validation.RowRules;
import se.stockholm.sigstat.validation.RowValidator;
import se.stockholm.sigstat.validation.ValidationSummary;
import se.stockholm.sigstat.warehouse.FileInventory;
import se.stockholm.sigstat.warehouse.ReferenceStore;
import se.stockholm.sigstat.warehouse.WarehouseLayout;

/**
 * Loads a reference file (the population table) into the warehouse with the same column rules as
 * deliveries; rejected rows go to the ledger, and an unchanged file is not read again.
 */
final class ReferenceIngest {
  /** Ledger label of reference files. */
  static final String LEDGER_LABEL = "referens";

  /** Reference rows carry no delivery date: nothing in them can be "after" it. */
  private static final LocalDate NO_DATE_LIMIT = LocalDate.of(9999, 12, 31);

  /**
   * Outcome: counts, or null when the file was unchanged; file-level faults if any; the version
   * prepared in the warehouse (made live by {@link ReferenceStore#commit}), or null.
   */
  record Result(FileCounts counts, List<String> faults, ReferenceStore.Pointer prepared) {}

  private final FollowUpModel model;

  ReferenceIngest(FollowUpModel model) {
    this.model = model;
  }

  Result run(
      SparkSession spark,
      FileSpec spec,
      Path file,
      WarehouseLayout layout,
      Path staging,
      List<RejectedRowsLedger.Entry> ledger)
      throws IOException {
    ReferenceStore store = new ReferenceStore(layout);
    String checksum = Checksums.ofFile(file);
    store.removeUncommitted(spec.name());
    if (store.live(spec.name()).map(p -> p.checksum().equals(checksum)).orElse(false)) {
      return new Result(null, List.of(), null);
    }
    List<DeliveryInspection.FileFault> faults = new ArrayList<>();
    FileLayout fileLayout =
        new DeliveryInspector(model).layout(spec, file, faults, new ArrayList<>());
    if (fileLayout == null) {
      faults.forEach(
          f ->
              ledger.add(
                  new RejectedRowsLedger.Entry(
                      LEDGER_LABEL, spec.fileName(), null, null, null, f.reason())));
      return new Result(
          null, faults.stream().map(DeliveryInspection.FileFault::reason).toList(), null);
    }
    Delivery pseudo = new Delivery(LEDGER_LABEL, NO_DATE_LIMIT, file.getParent());
    // One pass: the rejected rows are observed on the side of the write, the accepted ones
    // counted from the written file.
    RejectedRowsObservation observation = new RejectedRowsObservation();
    Dataset<Row> accepted =
        observation.accepted(
            new RowValidator(spec, RowRules.forFile(spec, model))
                .validate(spark, RawRowReader.file(spark, pseudo, fileLayout)));
    List<Column> columns = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      columns.add(col(c.name()));
    }
    Path out = staging.resolve("referens-" + spec.name());
    accepted
        .select(columns.toArray(Column[]::new))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(out.toString());
    List<RejectedRowsLedger.Entry> rejected = new ArrayList<>();
    for (Row line : observation.lines()) {
      rejected.add(ValidationSummary.entry(line, spec.fileName(), LEDGER_LABEL));
    }
    rejected.sort(Comparator.comparing(RejectedRowsLedger.Entry::rad));
    ledger.addAll(rejected);
    long written = FileInventory.parquetRowsIn(out);
    ReferenceStore.Pointer prepared = store.prepare(spec.name(), out, checksum);
    return new Result(
        new FileCounts(
            LEDGER_LABEL, spec.fileName(), written + rejected.size(), written, rejected.size()),
        List.of(),
        prepared);
  }
}
