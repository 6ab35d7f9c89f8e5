package se.stockholm.sigstat.validation;

import java.util.Optional;

/**
 * A number is an integer, or for decimal columns a number with {@code ,} or {@code .} as the
 * decimal sign, at or above the declared minimum.
 */
public record ValidNumber(String column, boolean integer, Double min) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    String v = row.raw(column);
    if (v == null) {
      return Optional.empty();
    }
    String text = v.trim().replace(" ", "").replace("\u00a0", "");
    Double value;
    try {
      if (integer) {
        value = (double) Integer.parseInt(text);
      } else {
        value = Double.parseDouble(text.replace(',', '.'));
        if (value.isNaN() || value.isInfinite() || !text.matches("[-+]?[0-9]*[.,]?[0-9]+")) {
          value = null;
        }
      }
    } catch (NumberFormatException e) {
      value = null;
    }
    if (value == null) {
      return Optional.of(
          new Rejection(
              column,
              v,
              (integer ? "ogiltigt heltal " : "ogiltigt tal ") + v + " i kolumnen " + column));
    }
    if (min != null && value < min) {
      return Optional.of(
          new Rejection(column, v, column + " " + v + " är mindre än " + formatMin() + ""));
    }
    row.set(column, integer ? (Object) value.intValue() : value);
    return Optional.empty();
  }

  private String formatMin() {
    return min == Math.rint(min) ? String.valueOf(min.longValue()) : String.valueOf(min);
  }
}
