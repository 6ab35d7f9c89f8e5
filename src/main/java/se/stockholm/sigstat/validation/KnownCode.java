package se.stockholm.sigstat.validation;

import java.util.Locale;
import java.util.Optional;
import se.stockholm.sigstat.model.CodeList;

/** A coded value must be in its code list (case-insensitive; stored in upper case). */
public record KnownCode(String column, CodeList codeList) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    String v = row.raw(column);
    if (v == null) {
      return Optional.empty();
    }
    String code = v.trim().toUpperCase(Locale.ROOT);
    if (!codeList.contains(code)) {
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
}
