package se.stockholm.sigstat.validation;

import java.util.Locale;
import java.util.Optional;
import se.stockholm.sigstat.model.CodeList;

/** A coded value must be in its code list (case-insensitive; stored in upper case). */
public final class KnownCode implements RowRule {
  private final String column;
  private final CodeList codeList;

  /**
   * The codes by their length: looked up once per coded value of every delivered row, where a set's
   * hashing of each fresh value was 5 % of ingest. A value is compared only with the few codes of
   * its length.
   */
  private final String[][] byLength;

  public KnownCode(String column, CodeList codeList) {
    this.column = column;
    this.codeList = codeList;
    int longest = codeList.codeValues().stream().mapToInt(String::length).max().orElse(0);
    this.byLength = new String[longest + 1][];
    for (int length = 0; length <= longest; length++) {
      int l = length;
      byLength[length] =
          codeList.codeValues().stream().filter(c -> c.length() == l).toArray(String[]::new);
    }
  }

  /** A code written another way (spaces around it, lower case) as the list writes it. */
  static String normalized(String v) {
    return v.trim().toUpperCase(Locale.ROOT);
  }

  /** The code list's own String equal to {@code v}, or null. */
  private String listed(String v) {
    if (v.length() < byLength.length) {
      for (String code : byLength[v.length()]) {
        if (code.equals(v)) {
          return code;
        }
      }
    }
    return null;
  }

  @Override
  public Optional<Rejection> check(ParsedRow row) {
    String v = row.raw(column);
    if (v == null) {
      return Optional.empty();
    }
    // Most codes arrive as written in the list; only the others are trimmed and upper-cased.
    String code = listed(v);
    if (code == null) {
      code = listed(normalized(v));
    }
    if (code == null) {
      return Optional.of(
          new Rejection(
              column,
              v,
              "okänd kod "
                  + v
                  + " för "
                  + codeList.label().toLowerCase(Locale.ROOT)
                  + " (tillåtna: "
                  + codeList.describeAllowed()
                  + ")"));
    }
    row.set(column, code);
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "KnownCode[" + column + ", " + codeList.name() + "]";
  }
}
