package se.stockholm.sigstat.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The field delimiter of a delivery file ({@code ;} or {@code ,}) and how a line splits. */
public record CsvDialect(char delimiter) implements Serializable {

  /** Chooses the delimiter that occurs more often outside quotes in the header line. */
  public static CsvDialect detect(String headerLine) {
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (char c : headerLine.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      }
    }
    return new CsvDialect(commas > semicolons ? ',' : ';');
  }

  /**
   * Splits one line into trimmed fields; {@code "..."} quotes a field and {@code ""} inside it is a
   * quote. Returns null when a quote is left open (a line break inside a field).
   */
  public List<String> split(String line) {
    if (line.indexOf('"') < 0) {
      return splitUnquoted(line);
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        // Spaces before an opening quote (`; "a"`) are not part of the value.
        field.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (c == delimiter) {
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        field.setLength(0);
        wasQuoted = false;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(wasQuoted ? field.toString() : field.toString().trim());
    return fields;
  }

  /** A line without quotes (nearly every line): fields between delimiters, trimmed. */
  private List<String> splitUnquoted(String line) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int end = line.indexOf(delimiter); end >= 0; end = line.indexOf(delimiter, start)) {
      fields.add(line.substring(start, end).trim());
      start = end + 1;
    }
    fields.add(line.substring(start).trim());
    return fields;
  }
}
