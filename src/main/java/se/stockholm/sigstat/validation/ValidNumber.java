package se.stockholm.sigstat.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number is an integer, or for decimal columns a number with {@code ,} or {@code .} as the
 * decimal sign, at or above the declared minimum.
 */
public record ValidNumber(String column, boolean integer, Double min) implements RowRule {
  /** What a decimal may look like once its spaces are gone (Double accepts more, e.g. "1e3"). */
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]*[.,]?[0-9]+");

  @Override
  public Optional<Rejection> check(ParsedRow row) {
    String v = row.raw(column);
    if (v == null) {
      return Optional.empty();
    }
    Number value = parse(v, integer);
    if (value == null) {
      return Optional.of(
          new Rejection(
              column,
              v,
              (integer ? "ogiltigt heltal " : "ogiltigt tal ") + v + " i kolumnen " + column));
    }
    if (min != null && value.doubleValue() < min) {
      return Optional.of(
          new Rejection(column, v, column + " " + v + " är mindre än " + formatMin() + ""));
    }
    row.set(column, value);
    return Optional.empty();
  }

  /**
   * The value of delivered text: an Integer for integer columns, a Double for decimal ones, null
   * when the text is no such number. Spaces (also non-breaking) between digits are allowed.
   */
  public static Number parse(String v, boolean integer) {
    String text = v.trim().replace(" ", "").replace("\u00a0", "");
    try {
      if (integer) {
        return Integer.parseInt(text);
      }
      double value = Double.parseDouble(text.replace(',', '.'));
      return Double.isNaN(value) || Double.isInfinite(value) || !DECIMAL.matcher(text).matches()
          ? null
          : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String formatMin() {
    return min == Math.rint(min) ? String.valueOf(min.longValue()) : String.valueOf(min);
  }
}
