package se.stockholm.sigstat.model;

/** The value types a delivery column can declare in {@code data-schema/files.yaml}. */
public enum ColumnType {
  TEXT,
  DATE,
  CODE,
  INTEGER,
  DECIMAL,
  PERSONNUMMER;

  /** Parses the lower-case name used in the schema files. */
  public static ColumnType fromSchemaName(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
