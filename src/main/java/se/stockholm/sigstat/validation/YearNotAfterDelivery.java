package se.stockholm.sigstat.validation;

import java.util.Optional;

/** A yearly figure is not for a year after the delivery's. */
public record YearNotAfterDelivery(String column) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    Object year = row.value(column);
    if (year != null && (Integer) year > row.deliveryDate().getYear()) {
      return Optional.of(
          new Rejection(
              column,
              row.raw(column),
              column + " " + year + " ligger efter leveransåret " + row.deliveryDate().getYear()));
    }
    return Optional.empty();
  }
}
