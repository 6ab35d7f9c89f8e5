package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.DistrictStructure;

/** Maps district codes to the structure (indelning) valid on a date, as a Spark expression. */
public final class DistrictMapping {
  private DistrictMapping() {}

  public static Column mapped(Column code, DistrictStructure districts, LocalDate indelning) {
    Column result = null;
    for (District d : districts.all()) {
      String target = districts.mapTo(d.code(), indelning);
      result =
          result == null
              ? when(code.equalTo(d.code()), lit(target))
              : result.when(code.equalTo(d.code()), lit(target));
    }
    return result.otherwise(code);
  }
}
