package se.stockholm.sigstat.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** A date is written {@code YYYY-MM-DD} or {@code YYYYMMDD} and exists in the calendar. */
public record ValidDate(String column) implements RowRule {
  private static final Pattern DASHED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern COMPACT = Pattern.compile("\\d{8}");
  private static final DateTimeFormatter COMPACT_FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

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

  /** The date, or null when the text is not a valid date in an accepted form. */
  public static LocalDate parse(String v) {
    try {
      if (DASHED.matcher(v).matches()) {
        return LocalDate.parse(v);
      }
      if (COMPACT.matcher(v).matches()) {
        return LocalDate.parse(v, COMPACT_FORMAT);
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }
}
