package se.stockholm.sigstat.validation;

import java.util.Optional;

/** A text value must not be longer than the declared maximum. */
public record TextLength(String column, int maxLength) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    String v = row.raw(column);
    if (v == null) {
      return Optional.empty();
    }
    row.set(column, v);
    return v.length() > maxLength
        ? Optional.of(
            new Rejection(
                column,
                v,
                column + " är för lång (" + v.length() + " tecken, högst " + maxLength + ")"))
        : Optional.empty();
  }
}
