package se.stockholm.sigstat.model.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import se.stockholm.sigstat.model.ColumnSpec;
import se.stockholm.sigstat.model.FileSpec;

/** Spark schemas derived from the follow-up model: validated rows and warehouse tables. */
public final class SparkSchemas {
  /** Metadata columns of a validated row. */
  public static final String DELIVERY_ID = "leverans_id";

  /** The district column of warehouse tables. */
  public static final String DISTRICT = "stadsdel";

  /** The delivering district while rows are validated (a file may have its own stadsdel). */
  public static final String DELIVERY_DISTRICT = "leverans_stadsdel";

  public static final String DELIVERY_DATE = "leveransdatum";
  public static final String LINE = "rad";

  /** Where a validated row records why it was rejected (all null for an accepted row). */
  public static final String REJECT_COLUMN = "fel_kolumn";

  public static final String REJECT_VALUE = "fel_varde";
  public static final String REJECT_REASON = "fel_orsak";

  /** The pseudonymised person key that replaces personnummer and person_ref in the warehouse. */
  public static final String PERSON_ID = "person_id";

  public static final String PERSONNUMMER = "personnummer";
  public static final String PERSON_REF = "person_ref";

  private SparkSchemas() {}

  public static DataType sparkType(ColumnSpec c) {
    return switch (c.type()) {
      case DATE -> DataTypes.DateType;
      case INTEGER -> DataTypes.IntegerType;
      case DECIMAL -> DataTypes.DoubleType;
      default -> DataTypes.StringType;
    };
  }

  /** A validated row: delivery metadata, the file's columns typed, and the rejection fields. */
  public static StructType validated(FileSpec spec) {
    List<StructField> fields =
        new ArrayList<>(
            List.of(
                DataTypes.createStructField(DELIVERY_ID, DataTypes.StringType, false),
                DataTypes.createStructField(DELIVERY_DISTRICT, DataTypes.StringType, false),
                DataTypes.createStructField(DELIVERY_DATE, DataTypes.DateType, false),
                DataTypes.createStructField(LINE, DataTypes.LongType, false)));
    for (ColumnSpec c : spec.columns()) {
      fields.add(DataTypes.createStructField(c.name(), sparkType(c), true));
    }
    fields.add(DataTypes.createStructField(REJECT_COLUMN, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(REJECT_VALUE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(REJECT_REASON, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  /**
   * The warehouse table of a file: district and delivery date, then the file's columns with
   * personnummer and person_ref replaced by {@code person_id}.
   */
  public static StructType warehouse(FileSpec spec) {
    List<StructField> fields =
        new ArrayList<>(
            List.of(
                DataTypes.createStructField(DISTRICT, DataTypes.StringType, false),
                DataTypes.createStructField(DELIVERY_DATE, DataTypes.DateType, false)));
    for (ColumnSpec c : spec.columns()) {
      if (c.isPersonnummer()) {
        fields.add(DataTypes.createStructField(PERSON_ID, DataTypes.StringType, false));
      } else if (!(spec.identifiesPersons() && c.name().equals(PERSON_REF))) {
        fields.add(DataTypes.createStructField(c.name(), sparkType(c), !c.required()));
      }
    }
    return DataTypes.createStructType(fields);
  }

  /** A reference table (befolkning) as stored: its declared columns, typed. */
  public static StructType reference(FileSpec spec) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      fields.add(DataTypes.createStructField(c.name(), sparkType(c), true));
    }
    return DataTypes.createStructType(fields);
  }
}
