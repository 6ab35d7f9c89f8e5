package se.stockholm.sigstat.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryFinder;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryInspector;
import se.stockholm.sigstat.ingest.RawRowReader;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.validation.DeliveryValidation;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.validation.RejectedRowsLedger;
import se.stockholm.sigstat.validation.ValidationResult;
import se.stockholm.sigstat.validation.ValidationSummary;

/** Checks one delivery with every ingest rule, without writing anything. */
public final class ValidateJob {
  /** What a district needs to fix: file-level faults, rejected rows and counts per file. */
  public record Report(
      Delivery delivery,
      List<DeliveryInspection.FileFault> fileFaults,
      List<String> warnings,
      List<RejectedRowsLedger.Entry> rejectedRows,
      List<FileCounts> counts) {
    public boolean clean() {
      return fileFaults.isEmpty() && rejectedRows.isEmpty();
    }
  }

  private final FollowUpModel model;
  private final Clock clock;

  /** A check whose "today" (for delivery dates in the future) comes from {@code clock}. */
  public ValidateJob(FollowUpModel model, Clock clock) {
    this.model = model;
    this.clock = clock;
  }

  /** Validates {@code dir}; district and date come from the folder names unless given. */
  public Report run(SparkSession spark, Path dir, String district, LocalDate date)
      throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    if (!abs.toFile().isDirectory()) {
      throw new ConfigurationException("Leveransmappen " + dir + " finns inte");
    }
    String code = district != null ? district : abs.getParent().getFileName().toString();
    DeliveryFinder.Found found =
        new DeliveryFinder(model.districts(), clock)
            .inspectFolder(code, date != null ? abs.resolveSibling(date.toString()) : abs);
    Delivery delivery = new Delivery(code, found.delivery().deliveryDate(), abs);
    DeliveryInspection inspection = new DeliveryInspector(model).inspect(delivery, found.fault());
    if (!inspection.acceptable()) {
      return new Report(delivery, inspection.faults(), inspection.warnings(), List.of(), List.of());
    }
    ValidationResult result =
        new DeliveryValidation(model)
            .validate(spark, RawRowReader.readAll(spark, List.of(inspection)));
    ValidationSummary summary = ValidationSummary.of(result, model);
    List<String> files =
        inspection.files().values().stream().map(l -> l.spec().fileName()).sorted().toList();
    return new Report(
        delivery,
        List.of(),
        inspection.warnings(),
        summary.rejected(),
        DeliveryValidation.countsOf(delivery.id(), files, summary.counts()));
  }
}
