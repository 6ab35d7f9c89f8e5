package se.stockholm.sigstat.validation;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The validated rows of a set of deliveries, per file: each row either accepted (no reason) or
 * rejected with its reason, so nothing is lost between the two.
 */
public record ValidationResult(Map<String, Dataset<Row>> validatedByFile) {

  public boolean has(String file) {
    return validatedByFile.containsKey(file);
  }
}
