package se.stockholm.sigstat.generate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How a district's system writes CSV: encoding, BOM, delimiter, line ends, column order. */
record ExportStyle(
    Charset charset,
    boolean bom,
    char delimiter,
    boolean crlf,
    boolean reversedColumns,
    boolean decimalComma,
    boolean personRefOnly) {

  /** Swedish Excel: UTF-8 with BOM, semicolons, CRLF, decimal comma. */
  static final ExportStyle EXCEL =
      new ExportStyle(StandardCharsets.UTF_8, true, ';', true, false, true, false);

  /** A newer case system: UTF-8 without BOM, semicolons, LF. */
  static final ExportStyle SYSTEM =
      new ExportStyle(StandardCharsets.UTF_8, false, ';', false, false, false, false);

  /** An older export: Windows-1252, commas, CRLF. */
  static final ExportStyle LEGACY =
      new ExportStyle(Charset.forName("windows-1252"), false, ',', true, false, false, false);

  ExportStyle withReversedColumns() {
    return new ExportStyle(charset, bom, delimiter, crlf, true, decimalComma, personRefOnly);
  }

  ExportStyle withPersonRefOnly() {
    return new ExportStyle(charset, bom, delimiter, crlf, reversedColumns, decimalComma, true);
  }
}
