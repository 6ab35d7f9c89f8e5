package se.stockholm.sigstat.validation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One delivery row while it is checked: its raw text per column and the values parsed so far.
 * Values sit in arrays by column position (the positions are shared by all rows of a file), so
 * checking a row allocates no maps: ingest checks millions of rows.
 */
public final class ParsedRow {
  private final Map<String, Integer> positions;
  private final String[] raw;
  private final Object[] parsed;
  private final LocalDate deliveryDate;

  /** Values a rule derives under a name that is not a column of the file. */
  private Map<String, Object> derived;

  /**
   * @param positions each column's position in {@code raw}, from {@link #positionsOf}
   * @param raw the delivered text per column, null when empty or absent
   */
  public ParsedRow(Map<String, Integer> positions, String[] raw, LocalDate deliveryDate) {
    this.positions = positions;
    this.raw = raw;
    this.parsed = new Object[raw.length];
    this.deliveryDate = deliveryDate;
  }

  /** A row from text per column name. */
  public ParsedRow(Map<String, String> raw, LocalDate deliveryDate) {
    this(positionsOf(List.copyOf(raw.keySet())), textIn(raw), deliveryDate);
  }

  /**
   * The position of each of {@code columns}, for the rows of one file. A HashMap (not to be changed
   * by the caller): several lookups per rule and row, and Map.copyOf's map probes slower.
   */
  public static Map<String, Integer> positionsOf(List<String> columns) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      positions.put(columns.get(i), i);
    }
    return positions;
  }

  private static String[] textIn(Map<String, String> raw) {
    return raw.values().toArray(String[]::new);
  }

  /** The delivered text of a column, null when empty or absent. */
  public String raw(String column) {
    Integer i = positions.get(column);
    return i == null ? null : raw[i];
  }

  public boolean isBlank(String column) {
    String v = raw(column);
    return v == null || v.isBlank();
  }

  public Object value(String column) {
    Integer i = positions.get(column);
    if (i != null) {
      return parsed[i];
    }
    return derived == null ? null : derived.get(column);
  }

  public LocalDate date(String column) {
    return (LocalDate) value(column);
  }

  public void set(String column, Object value) {
    Integer i = positions.get(column);
    if (i != null) {
      parsed[i] = value;
      return;
    }
    if (derived == null) {
      derived = new HashMap<>();
    }
    derived.put(column, value);
  }

  public LocalDate deliveryDate() {
    return deliveryDate;
  }
}
