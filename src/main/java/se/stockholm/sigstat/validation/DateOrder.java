package se.stockholm.sigstat.validation;

import java.time.LocalDate;
import java.util.Optional;

/** An end date is not before its start date. */
public record DateOrder(String startColumn, String endColumn) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    LocalDate start = row.date(startColumn);
    LocalDate end = row.date(endColumn);
    if (start != null && end != null && end.isBefore(start)) {
      return Optional.of(
          new Rejection(
              endColumn,
              row.raw(endColumn),
              endColumn + " " + end + " ligger före " + startColumn + " " + start));
    }
    return Optional.empty();
  }
}
