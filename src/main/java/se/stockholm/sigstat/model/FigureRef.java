package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure named in data-schema: a measure, optionally one of its count fields, a fixed kategori
 * and a fixed stadsdel ({@code AVSLUT_ORSAK[ALLA]}, {@code FORANDRING_MEDEL.summa}, {@code
 * AKTUELLA@STHLM}). Null parts mean "the measure's own count" and "the same as the cell".
 */
public record FigureRef(String measure, String field, String category, String district)
    implements Serializable {
  private static final Pattern SYNTAX =
      Pattern.compile("([A-Z0-9_]+)(?:\\.([a-z]+))?(?:\\[([A-Z0-9_]*)])?(?:@([A-Z0-9_]+))?");

  /** Parses the data-schema notation; {@code where} names the file for the error message. */
  public static FigureRef parse(String text, String where) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Cannot read figure '"
              + text
              + "' in "
              + where
              + " (MEASURE[.field][[KATEGORI]][@STADSDEL])");
    }
    return new FigureRef(m.group(1), m.group(2), m.group(3), m.group(4));
  }

  @Override
  public String toString() {
    return measure
        + (field == null ? "" : "." + field)
        + (category == null ? "" : "[" + category + "]")
        + (district == null ? "" : "@" + district);
  }
}
