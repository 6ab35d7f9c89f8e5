package se.stockholm.sigstat.validation;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import se.stockholm.sigstat.model.FileSpec;

/**
 * The rule that a key occurs once per delivery, on the validated rows of one task, which hold whole
 * deliveries. Every row whose key (all key columns validated) occurs more than once in its delivery
 * is rejected, unless an earlier rule rejected it, naming the key, how often it occurs and its
 * first ten lines; rows rejected earlier still count.
 *
 * <p>Rows stream through: only those whose key fingerprint a first read found repeated ({@link
 * RepeatedKeys}) are held until the task's rows end, then compared by their values and given back
 * after the others. Memory so grows with the repeated keys, not with the files, and there is no
 * sort: at 3.7 million assessments the sort and window that did this in Spark SQL were a fifth of
 * ingest.
 */
final class DuplicateKeys implements Serializable {
  private static final int LINES_SHOWN = 10;
  private static final int DELIVERY = 0;
  private static final int LINE = 3;

  private final String fileName;
  private final List<String> keyNames;
  private final KeyFingerprint fingerprint;

  /** Where the file's columns start in a validated row, and after them the rejection. */
  private final int columnsFrom;

  private final int[] keyAt;
  private final int reject;

  DuplicateKeys(FileSpec spec, int columnsFrom) {
    this.fileName = spec.fileName();
    this.keyNames = List.copyOf(spec.key());
    this.fingerprint = new KeyFingerprint(spec);
    this.columnsFrom = columnsFrom;
    int[] columns = fingerprint.columns();
    this.keyAt = new int[columns.length];
    for (int k = 0; k < columns.length; k++) {
      keyAt[k] = columnsFrom + columns[k];
    }
    this.reject = columnsFrom + spec.columns().size();
  }

  KeyFingerprint fingerprint() {
    return fingerprint;
  }

  /** The rows, with duplicates rejected; rows with a repeated fingerprint come last. */
  Iterator<Row> reject(Iterator<Row> validated, RepeatedKeys repeated) {
    if (repeated.isEmpty()) {
      return validated;
    }
    List<Row> held = new ArrayList<>();
    return new Iterator<>() {
      private Row next;
      private Iterator<Row> rest;

      @Override
      public boolean hasNext() {
        while (next == null && rest == null && validated.hasNext()) {
          Row row = validated.next();
          if (repeated.contains(fingerprint.ofValues(row, columnsFrom))) {
            held.add(row);
          } else {
            next = row;
          }
        }
        if (next == null && rest == null) {
          rest = rejectRepeated(held).iterator();
        }
        return next != null || rest.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (next == null) {
          return rest.next();
        }
        Row row = next;
        next = null;
        return row;
      }
    };
  }

  /** The held rows, each whose key occurs more than once among them rejected. */
  List<Row> rejectRepeated(List<Row> rows) {
    Map<Key, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Key key = keyOf(rows.get(i));
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
      }
    }
    List<Row> result = new ArrayList<>(rows);
    for (Map.Entry<Key, List<Integer>> group : byKey.entrySet()) {
      if (group.getValue().size() > 1) {
        rejectAll(result, group.getKey(), group.getValue());
      }
    }
    return result;
  }

  private void rejectAll(List<Row> rows, Key key, List<Integer> indices) {
    long[] lines = new long[indices.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = rows.get(indices.get(i)).getLong(LINE);
    }
    Arrays.sort(lines);
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < Math.min(LINES_SHOWN, lines.length); i++) {
      shown.append(i == 0 ? "" : ", ").append(lines[i]);
    }
    String reason =
        "dubblett: "
            + keyText(key)
            + " förekommer "
            + lines.length
            + " gånger i "
            + fileName
            + " (rad "
            + shown
            + ")";
    for (int index : indices) {
      Row row = rows.get(index);
      if (!row.isNullAt(reject + 2)) {
        continue;
      }
      Object[] values = new Object[row.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i);
      }
      values[reject] = keyNames.get(0);
      values[reject + 1] = text(key.values[0]);
      values[reject + 2] = reason;
      rows.set(index, RowFactory.create(values));
    }
  }

  private String keyText(Key key) {
    if (keyNames.size() == 1) {
      return keyNames.get(0) + " " + text(key.values[0]);
    }
    StringBuilder s = new StringBuilder("nyckeln (");
    for (int k = 0; k < key.values.length; k++) {
      s.append(k == 0 ? "" : ", ").append(text(key.values[k]));
    }
    return s.append(")").toString();
  }

  /** A key value as the ledger shows it: a date as ÅÅÅÅ-MM-DD, a number as Java writes it. */
  private static String text(Object value) {
    return value instanceof LocalDate d ? d.toString() : String.valueOf(value);
  }

  /** The row's delivery and key values, or null when a key value is missing. */
  private Key keyOf(Row row) {
    Object[] values = new Object[keyAt.length];
    for (int k = 0; k < keyAt.length; k++) {
      values[k] = row.get(keyAt[k]);
      if (values[k] == null) {
        return null;
      }
    }
    return new Key(row.getString(DELIVERY), values);
  }

  private record Key(String delivery, Object[] values) {
    @Override
    public int hashCode() {
      return 31 * delivery.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && delivery.equals(k.delivery) && Arrays.equals(values, k.values);
    }
  }
}
