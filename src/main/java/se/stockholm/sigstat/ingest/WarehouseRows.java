package se.stockholm.sigstat.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/**
 * Turns accepted rows into warehouse rows: the person key is pseudonymised and personnummer and
 * person_ref are dropped, so nothing identifying goes past this point.
 */
public final class WarehouseRows {
  private WarehouseRows() {}

  /** Warehouse columns of {@code spec} plus {@code leverans_id} (for partitioning the write). */
  public static Dataset<Row> toWarehouse(
      Dataset<Row> accepted, FileSpec spec, Pseudonymizer pseudonymizer) {
    Dataset<Row> ds = accepted;
    if (spec.identifiesPersons()) {
      UserDefinedFunction ofPnr =
          udf((UDF1<String, String>) pseudonymizer::ofPersonnummer, DataTypes.StringType);
      UserDefinedFunction ofRef =
          udf((UDF1<String, String>) pseudonymizer::ofPersonRef, DataTypes.StringType);
      ds =
          ds.withColumn(
              SparkSchemas.PERSON_ID,
              when(
                      col(SparkSchemas.PERSONNUMMER).isNotNull(),
                      ofPnr.apply(col(SparkSchemas.PERSONNUMMER)))
                  .otherwise(ofRef.apply(col(SparkSchemas.PERSON_REF))));
    }
    List<Column> select = new ArrayList<>();
    select.add(col(SparkSchemas.DELIVERY_ID));
    for (StructField f : SparkSchemas.warehouse(spec).fields()) {
      select.add(
          f.name().equals(SparkSchemas.DISTRICT)
              ? col(SparkSchemas.DELIVERY_DISTRICT).as(SparkSchemas.DISTRICT)
              : col(f.name()));
    }
    return ds.select(select.toArray(Column[]::new));
  }
}
