package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
   * @param rawByFile raw rows per file name (all deliveries unioned), as read by RawRowReader; a
   *     file no delivery has is simply absent
   */
  public ValidationResult validate(SparkSession spark, Map<String, JavaRDD<Row>> rawByFile) {
    return validate(
        spark, rawByFile, Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")));
  }

  /**
   * Validates with every file's rows spread over {@code partitions} partitions by delivery: a
   * delivery's rows of one file then lie in one partition, so one exchange serves the duplicate
   * check, the join to the episodes (both sides are spread alike; with {@link
   * #CO_PARTITION_SETTING} off Spark sees that) and a write with one file per delivery.
   */
  public ValidationResult validate(
      SparkSession spark, Map<String, JavaRDD<Row>> rawByFile, int partitions) {
    Map<String, Dataset<Row>> validated = new LinkedHashMap<>();
    for (FileSpec spec : model.deliveryFiles()) {
      JavaRDD<Row> raw = rawByFile.get(spec.name());
      if (raw == null) {
        continue;
      }
      Dataset<Row> rows =
          new RowValidator(spec, RowRules.forFile(spec, model))
              .validate(spark, raw)
              .repartition(partitions, col(SparkSchemas.DELIVERY_ID));
      validated.put(spec.name(), CrossRowChecks.rejectDuplicateKeys(rows, spec));
    }
    for (FileSpec spec : model.deliveryFiles()) {
      if (spec.hasReference() && validated.containsKey(spec.name())) {
        FileSpec parent = model.deliveryFile(spec.referencedFile());
        Dataset<Row> parents = validated.get(parent.name());
        if (parents != null) {
          validated.put(
              spec.name(),
              CrossRowChecks.rejectOrphans(validated.get(spec.name()), spec, parents, parent));
        }
      }
    }
    return new ValidationResult(validated);
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
