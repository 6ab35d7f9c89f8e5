package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import se.stockholm.sigstat.ingest.RawRowReader;
import se.stockholm.sigstat.ingest.RawRows;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/**
 * Validates the raw rows of many deliveries at once: row rules on the executors, then the rules
 * across rows. A pure function of its Datasets; reading files is the caller's job.
 */
public final class DeliveryValidation {
  /**
   * Spark's rule that a join's two sides count as spread alike only when spread by all the join's
   * keys. Off, the join to the episodes (on delivery and period_id) uses the spread by delivery
   * that both sides already have, instead of spreading both again.
   */
  public static final String CO_PARTITION_SETTING = "spark.sql.requireAllClusterKeysForCoPartition";

  private final FollowUpModel model;

  public DeliveryValidation(FollowUpModel model) {
    this.model = model;
  }

  /**
   * Validates the raw rows, which arrive spread by delivery (RawRows): a delivery's rows of one
   * file lie in one partition, so the duplicate check (within the task, {@link RowValidator}), the
   * join to the episodes (both sides are spread alike; with {@link #CO_PARTITION_SETTING} off Spark
   * sees that) and a write with one file per delivery need no exchange.
   *
   * @param raw raw rows per file name (all deliveries unioned), as read by RawRowReader; a file no
   *     delivery has is simply absent
   */
  public ValidationResult validate(SparkSession spark, RawRows raw) {
    Map<String, Dataset<Row>> validated = new LinkedHashMap<>();
    for (FileSpec spec : model.deliveryFiles()) {
      JavaRDD<List<RawRowReader.SourceFile>> files = raw.byFile().get(spec.name());
      if (files == null) {
        continue;
      }
      // A delivery's district is the same on all its rows: it is left out while the rows are
      // joined and filtered (each step would copy the text again) and put back at the end.
      Dataset<Row> rows =
          new RowValidator(spec, RowRules.forFile(spec, model))
              .validateSpreadByDelivery(spark, files)
              .drop(SparkSchemas.DELIVERY_DISTRICT);
      // A file others refer to is complete here; its dependants' checks then read the very
      // Dataset the caller gets (and may keep).
      validated.put(
          spec.name(),
          isReferenced(spec) ? withDistrict(rows, spec, raw.districtByDelivery()) : rows);
    }
    for (FileSpec spec : model.deliveryFiles()) {
      if (!validated.containsKey(spec.name()) || isReferenced(spec)) {
        continue;
      }
      Dataset<Row> rows = validated.get(spec.name());
      if (spec.hasReference() && validated.containsKey(spec.referencedFile())) {
        FileSpec parent = model.deliveryFile(spec.referencedFile());
        rows = CrossRowChecks.rejectOrphans(rows, spec, validated.get(parent.name()), parent);
      }
      validated.put(spec.name(), withDistrict(rows, spec, raw.districtByDelivery()));
    }
    return new ValidationResult(validated);
  }

  private boolean isReferenced(FileSpec spec) {
    return model.deliveryFiles().stream()
        .anyMatch(f -> f.hasReference() && f.referencedFile().equals(spec.name()));
  }

  /** The validated rows with their delivery's district again, in the validated rows' order. */
  private static Dataset<Row> withDistrict(
      Dataset<Row> rows, FileSpec spec, Map<String, String> districtByDelivery) {
    List<Column> districts = new ArrayList<>();
    districtByDelivery.forEach(
        (id, district) -> {
          districts.add(lit(id));
          districts.add(lit(district));
        });
    Column district =
        element_at(map(districts.toArray(Column[]::new)), col(SparkSchemas.DELIVERY_ID));
    List<Column> columns = new ArrayList<>();
    for (String name : SparkSchemas.validated(spec).fieldNames()) {
      columns.add(name.equals(SparkSchemas.DELIVERY_DISTRICT) ? district.as(name) : col(name));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /**
   * Counts for one delivery's files, with zeros for a present file that has no data rows, so every
   * file the delivery holds is accounted for.
   */
  public static List<FileCounts> countsOf(
      String deliveryId, java.util.Collection<String> fileNames, List<FileCounts> all) {
    List<FileCounts> result = new ArrayList<>();
    for (String fileName : fileNames) {
      result.add(
          all.stream()
              .filter(c -> c.deliveryId().equals(deliveryId) && c.file().equals(fileName))
              .findFirst()
              .orElse(new FileCounts(deliveryId, fileName, 0, 0, 0)));
    }
    return result;
  }
}
