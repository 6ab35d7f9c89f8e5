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
  private final Columns positions;
  private final String[] raw;
  private final Object[] parsed;
  private final LocalDate deliveryDate;

  /** Values a rule derives under a name that is not a column of the file. */
  private Map<String, Object> derived;

  /**
   * @param positions each column's position in {@code raw}, from {@link #positionsOf}
   * @param raw the delivered text per column, null when empty or absent
   */
  public ParsedRow(Columns positions, String[] raw, LocalDate deliveryDate) {
    this.positions = positions;
    this.raw = raw;
    this.parsed = new Object[raw.length];
    this.deliveryDate = deliveryDate;
  }

  /** A row from text per column name. */
  public ParsedRow(Map<String, String> raw, LocalDate deliveryDate) {
    this(positionsOf(List.copyOf(raw.keySet())), textIn(raw), deliveryDate);
  }

  /** The position of each of {@code columns}, for the rows of one file. */
  public static Columns positionsOf(List<String> columns) {
    return new Columns(columns.toArray(String[]::new));
  }

  /**
   * The columns of a file by position. Rules name their column with the very String the file's spec
   * holds, so a lookup compares references first (a HashMap lookup per rule and row was 4 % of
   * ingest) and only then, for a name written elsewhere, the text.
   */
  public static final class Columns implements java.io.Serializable {
    private final String[] names;

    private Columns(String[] names) {
      this.names = names;
    }

    /** The column's position, or -1 when the file has no such column. */
    int indexOf(String column) {
      for (int i = 0; i < names.length; i++) {
        if (names[i] == column) {
          return i;
        }
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(column)) {
          return i;
        }
      }
      return -1;
    }
  }

  private static String[] textIn(Map<String, String> raw) {
    return raw.values().toArray(String[]::new);
  }

  /** The delivered text of a column, null when empty or absent. */
  public String raw(String column) {
    int i = positions.indexOf(column);
    return i < 0 ? null : raw[i];
  }

  public boolean isBlank(String column) {
    String v = raw(column);
    return v == null || v.isBlank();
  }

  public Object value(String column) {
    int i = positions.indexOf(column);
    if (i >= 0) {
      return parsed[i];
    }
    return derived == null ? null : derived.get(column);
  }

  public LocalDate date(String column) {
    return (LocalDate) value(column);
  }

  public void set(String column, Object value) {
    int i = positions.indexOf(column);
    if (i >= 0) {
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
