package se.stockholm.sigstat.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes one delivery file the way a district's system exports it (encoding, delimiter, EOL). */
final class CsvOut implements Closeable {
  private final BufferedWriter w;
  private final List<String> columns;
  private final String delimiter;
  private final String eol;
  private long rows;

  CsvOut(Path file, List<String> columns, ExportStyle style) throws IOException {
    Files.createDirectories(file.getParent());
    OutputStream out = Files.newOutputStream(file);
    if (style.bom()) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    Charset cs = style.charset();
    this.w = new BufferedWriter(new OutputStreamWriter(out, cs), 1 << 16);
    this.columns = columns;
    this.delimiter = String.valueOf(style.delimiter());
    this.eol = style.crlf() ? "\r\n" : "\n";
    w.write(String.join(delimiter, columns));
    w.write(eol);
  }

  List<String> columns() {
    return columns;
  }

  /** Writes values given by column name; columns this file does not have are skipped. */
  void row(java.util.Map<String, String> values) throws IOException {
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      String v = values.get(columns.get(i));
      if (v != null) {
        sb.append(v.contains(delimiter) ? '"' + v.replace("\"", "\"\"") + '"' : v);
      }
    }
    w.write(sb.toString());
    w.write(eol);
    rows++;
  }

  /** Writes a raw line as is (used to plant a line with the wrong number of fields). */
  void rawLine(String line) throws IOException {
    w.write(line);
    w.write(eol);
    rows++;
  }

  String delimiter() {
    return delimiter;
  }

  long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    w.close();
  }
}
