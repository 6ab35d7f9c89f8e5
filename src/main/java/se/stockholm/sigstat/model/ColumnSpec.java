package se.stockholm.sigstat.model;

import java.io.Serializable;

/** One declared column of a delivery file: name, type, whether required, code list and label. */
public record ColumnSpec(
    String name,
    ColumnType type,
    boolean required,
    String codeList,
    Integer maxLength,
    Double min,
    String label,
    String description)
    implements Serializable {

  public boolean isCode() {
    return type == ColumnType.CODE;
  }

  public boolean isPersonnummer() {
    return type == ColumnType.PERSONNUMMER;
  }
}
