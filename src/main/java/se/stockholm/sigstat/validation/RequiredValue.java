package se.stockholm.sigstat.validation;

import java.util.Optional;

/** A required column must have a value. */
public record RequiredValue(String column) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    return row.isBlank(column)
        ? Optional.of(new Rejection(column, "", "obligatoriskt värde saknas i kolumnen " + column))
        : Optional.empty();
  }
}
