package se.stockholm.sigstat.validation;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.ingest.Personnummer;
import se.stockholm.sigstat.model.ColumnSpec;
import se.stockholm.sigstat.model.ColumnType;
import se.stockholm.sigstat.model.FileSpec;

/**
 * A 64-bit fingerprint of a row's key in its delivery, made alike from the delivered text (before
 * the row rules run) and from the validated values. Each key value is first brought to a canonical
 * form that the text and the value it validates to share: a code trimmed and in upper case (as
 * {@link KnownCode} accepts it), a date, number or personnummer as its rule parses it, a text as it
 * is. So two rows whose validated keys are equal have equal fingerprints; unequal keys may share
 * one, rarely, which only costs a closer look.
 */
public final class KeyFingerprint implements Serializable {
  /** No fingerprint: a key value is missing, or its text validates to nothing. */
  public static final long NONE = Long.MIN_VALUE;

  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private final ColumnType[] types;

  /** Where each key column stands among the file's declared columns. */
  private final int[] columns;

  public KeyFingerprint(FileSpec spec) {
    List<String> names = spec.columns().stream().map(ColumnSpec::name).toList();
    types = new ColumnType[spec.key().size()];
    columns = new int[types.length];
    for (int k = 0; k < types.length; k++) {
      columns[k] = names.indexOf(spec.key().get(k));
      if (columns[k] < 0) {
        throw new IllegalArgumentException(
            "Key column " + spec.key().get(k) + " is not a column of " + spec.fileName());
      }
      types[k] = spec.columns().get(columns[k]).type();
    }
  }

  /** The key columns' positions among the file's declared columns, in key order. */
  public int[] columns() {
    return columns.clone();
  }

  /** The fingerprint of a key as delivered: {@code texts} per key column, null where empty. */
  public long ofTexts(String deliveryId, LocalDate deliveryDate, String[] texts) {
    long h = deliveryId.hashCode();
    for (int k = 0; k < types.length; k++) {
      Object canonical = texts[k] == null ? null : fromText(types[k], texts[k], deliveryDate);
      if (canonical == null) {
        return NONE;
      }
      h = h * MULTIPLIER + canonical.hashCode();
    }
    return finish(h);
  }

  /**
   * The fingerprint of a validated key: {@code row} holds the file's columns from {@code from}
   * (RowValidator's layout: the delivery id first).
   */
  public long ofValues(Row row, int from) {
    long h = row.getString(0).hashCode();
    for (int k = 0; k < types.length; k++) {
      Object value = row.get(from + columns[k]);
      if (value == null) {
        return NONE;
      }
      h = h * MULTIPLIER + fromValue(types[k], value).hashCode();
    }
    return finish(h);
  }

  private static long finish(long h) {
    // Spread the bits (MurmurHash3's finaliser); NONE is kept for "no key".
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == NONE ? NONE + 1 : h;
  }

  private static Object fromText(ColumnType type, String text, LocalDate deliveryDate) {
    return switch (type) {
      case TEXT -> text;
      case CODE -> KnownCode.normalized(text);
      case DATE -> ValidDate.parse(text.trim());
      case INTEGER -> ValidNumber.parse(text, true);
      case DECIMAL -> ValidNumber.parse(text, false);
      case PERSONNUMMER -> {
        Personnummer.Parsed p = Personnummer.parse(text, deliveryDate);
        yield p.valid() ? p.normalized() : null;
      }
    };
  }

  private static Object fromValue(ColumnType type, Object value) {
    return type == ColumnType.CODE ? KnownCode.normalized((String) value) : value;
  }
}
