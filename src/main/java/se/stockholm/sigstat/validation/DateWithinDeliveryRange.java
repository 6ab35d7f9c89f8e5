package se.stockholm.sigstat.validation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A date lies on or after {@code earliest} (when set) and not after the delivery date: nothing in a
 * snapshot can have happened after it was taken.
 */
public record DateWithinDeliveryRange(String column, LocalDate earliest) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    LocalDate d = row.date(column);
    if (d == null) {
      return Optional.empty();
    }
    if (earliest != null && d.isBefore(earliest)) {
      return Optional.of(
          new Rejection(column, row.raw(column), column + " " + d + " ligger före " + earliest));
    }
    if (d.isAfter(row.deliveryDate())) {
      return Optional.of(
          new Rejection(
              column,
              row.raw(column),
              column + " " + d + " ligger efter leveransdatum " + row.deliveryDate()));
    }
    return Optional.empty();
  }
}
