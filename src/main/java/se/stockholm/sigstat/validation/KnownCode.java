package se.stockholm.sigstat.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import se.stockholm.sigstat.model.CodeList;

/** A coded value must be in its code list (case-insensitive; stored in upper case). */
public final class KnownCode implements RowRule {
  private final String column;
  private final CodeList codeList;

  /** The codes as a set: looked up once per coded value of every delivered row. */
  private final Set<String> codes;

  public KnownCode(String column, CodeList codeList) {
    this.column = column;
    this.codeList = codeList;
    this.codes = Set.copyOf(codeList.codeValues());
  }

  @Override
  public Optional<Rejection> check(ParsedRow row) {
    String v = row.raw(column);
    if (v == null) {
      return Optional.empty();
    }
    // Most codes arrive as written in the list; only the others are trimmed and upper-cased.
    String code = codes.contains(v) ? v : v.trim().toUpperCase(Locale.ROOT);
    if (!codes.contains(code)) {
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
