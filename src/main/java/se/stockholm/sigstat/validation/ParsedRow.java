package se.stockholm.sigstat.validation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** One delivery row while it is checked: its raw text per column and the values parsed so far. */
public final class ParsedRow {
  private final Map<String, String> raw;
  private final Map<String, Object> parsed = new HashMap<>();
  private final LocalDate deliveryDate;

  public ParsedRow(Map<String, String> raw, LocalDate deliveryDate) {
    this.raw = raw;
    this.deliveryDate = deliveryDate;
  }

  /** The delivered text of a column, null when empty or absent. */
  public String raw(String column) {
    return raw.get(column);
  }

  public boolean isBlank(String column) {
    String v = raw.get(column);
    return v == null || v.isBlank();
  }

  public Object value(String column) {
    return parsed.get(column);
  }

  public LocalDate date(String column) {
    return (LocalDate) parsed.get(column);
  }

  public void set(String column, Object value) {
    parsed.put(column, value);
  }

  public LocalDate deliveryDate() {
    return deliveryDate;
  }
}
