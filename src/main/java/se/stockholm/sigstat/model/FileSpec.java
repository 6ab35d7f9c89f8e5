package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One delivery file of the follow-up model: its columns, key and reference to another file.
 *
 * <p>{@code referencedFile} names the file whose key {@code referenceColumn} must exist in.
 */
public record FileSpec(
    String name,
    String fileName,
    boolean required,
    String label,
    String description,
    List<String> key,
    String referenceColumn,
    String referencedFile,
    List<ColumnSpec> columns)
    implements Serializable {

  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** True when rows identify a person (personnummer or person_ref), pseudonymised at ingest. */
  public boolean identifiesPersons() {
    return columns.stream().anyMatch(ColumnSpec::isPersonnummer);
  }

  public boolean hasReference() {
    return referencedFile != null;
  }
}
