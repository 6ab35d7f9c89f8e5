package se.stockholm.sigstat.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** A date is written {@code YYYY-MM-DD} or {@code YYYYMMDD} and exists in the calendar. */
public record ValidDate(String column) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    String v = row.raw(column);
    if (v == null) {
      return Optional.empty();
    }
    LocalDate date = parse(v.trim());
    if (date == null) {
      return Optional.of(
          new Rejection(
              column,
              v,
              "ogiltigt datum "
                  + v
                  + " i kolumnen "
                  + column
                  + " (förväntat ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD)"));
    }
    row.set(column, date);
    return Optional.empty();
  }

  /**
   * The date, or null when the text is not a valid date in an accepted form. Read digit by digit:
   * ingest parses millions of dates, and a formatter costs several times more.
   */
  public static LocalDate parse(String v) {
    boolean dashed = v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-';
    if (!dashed && v.length() != 8) {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, dashed ? 5 : 4, 2);
    int day = digits(v, dashed ? 8 : 6, 2);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written by {@code length} ASCII digits from {@code from}, or -1. */
  private static int digits(String v, int from, int length) {
    int n = 0;
    for (int i = from; i < from + length; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
