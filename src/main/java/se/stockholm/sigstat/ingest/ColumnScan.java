package se.stockholm.sigstat.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Reads a few columns of a delivery file's data lines, with the values its raw rows would hold. A
 * plain line (printable ASCII and tabs, no quote) is split as bytes, and only the wanted fields
 * become text; any other line goes through {@link RawRowReader.LineParser}, so both give the same
 * values. In the encodings ingest accepts, an ASCII byte is always the same character.
 */
final class ColumnScan {
  private static final Set<String> ASCII_COMPATIBLE =
      Set.of("UTF-8", "windows-1252", "ISO-8859-1", "US-ASCII");

  private final FileLayout layout;
  private final RawRowReader.LineParser parser;
  private final boolean bytesAreAscii;
  private final byte delimiter;
  private final int[] columns;
  private final int[] positions;
  private final String[] values;

  /** Where the fields of the current line start and end (delimiter positions). */
  private int[] bounds = new int[16];

  private ColumnScan(RawRowReader.SourceFile file, int[] columns) {
    this.layout = file.layout();
    this.parser =
        new RawRowReader.LineParser(
            layout, file.deliveryId(), file.district(), file.deliveryDate());
    this.bytesAreAscii = ASCII_COMPATIBLE.contains(layout.charset());
    this.delimiter = (byte) layout.dialect().delimiter();
    this.columns = columns;
    this.positions = new int[columns.length];
    for (int k = 0; k < columns.length; k++) {
      positions[k] = layout.columnPositions()[columns[k]];
    }
    this.values = new String[columns.length];
  }

  static void scan(RawRowReader.SourceFile file, int[] columns, RawRowReader.ColumnVisitor visitor)
      throws IOException {
    ColumnScan scan = new ColumnScan(file, columns);
    try (ByteLines lines = new ByteLines(Files.newInputStream(Path.of(file.layout().path())))) {
      long index = -1;
      while (lines.hasNext()) {
        byte[] line = lines.next();
        if (++index > 0 && scan.read(line, index)) {
          visitor.line(file, scan.values);
        }
      }
    }
  }

  /** Fills {@link #values} from the line; false when the line is no row or a faulty one. */
  boolean read(byte[] line, long index) {
    if (bytesAreAscii && isPlain(line)) {
      return split(line);
    }
    Row raw = parser.parse(line, index);
    if (raw == null || !raw.isNullAt(RawRowReader.FIELDS_FROM - 1)) {
      return false;
    }
    for (int k = 0; k < columns.length; k++) {
      values[k] = (String) raw.get(RawRowReader.FIELDS_FROM + columns[k]);
    }
    return true;
  }

  private static boolean isPlain(byte[] line) {
    for (byte b : line) {
      if ((b < 0x20 && b != '\t') || b >= 0x7F || b == '"') {
        return false;
      }
    }
    return true;
  }

  /** As LineParser splits a plain line: fields trimmed, blank line none, width checked. */
  private boolean split(byte[] line) {
    int fields = 1;
    bounds[0] = -1;
    boolean blank = true;
    for (int i = 0; i < line.length; i++) {
      byte b = line[i];
      if (b == delimiter) {
        if (fields + 1 >= bounds.length) {
          bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[fields++] = i;
      }
      blank &= b == ' ' || b == '\t';
    }
    bounds[fields] = line.length;
    if (blank) {
      return false;
    }
    int width = layout.headerWidth();
    if (fields < width) {
      return false;
    }
    for (int f = width; f < fields; f++) {
      if (!isEmpty(line, f)) {
        return false;
      }
    }
    for (int k = 0; k < positions.length; k++) {
      int pos = positions[k];
      values[k] = pos >= 0 && pos < fields ? text(line, pos) : null;
    }
    return true;
  }

  private boolean isEmpty(byte[] line, int field) {
    for (int i = bounds[field] + 1; i < bounds[field + 1]; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The field trimmed as String.trim trims, null when empty. */
  private String text(byte[] line, int field) {
    int from = bounds[field] + 1;
    int to = bounds[field + 1];
    while (from < to && (line[from] == ' ' || line[from] == '\t')) {
      from++;
    }
    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
      to--;
    }
    return from == to ? null : new String(line, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
