package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/**
 * The validated rows of a set of deliveries, per file: each row either accepted (no reason) or
 * rejected with its reason, so nothing is lost between the two.
 */
public record ValidationResult(Map<String, Dataset<Row>> validatedByFile) {

  public Dataset<Row> accepted(String file) {
    return validatedByFile.get(file).filter(col(SparkSchemas.REJECT_REASON).isNull());
  }

  public Dataset<Row> rejected(String file) {
    return validatedByFile.get(file).filter(col(SparkSchemas.REJECT_REASON).isNotNull());
  }

  public boolean has(String file) {
    return validatedByFile.containsKey(file);
  }
}
