package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Picture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import se.stockholm.sigstat.disclosure.ProtectedCell;

/**
 * Writes one sheet top to bottom and remembers how wide each column's content is, so widths fit
 * without autoSizeColumn (slow, and unreliable on streamed rows).
 */
public final class SheetBuilder {
  /** The text of a suppressed cell. */
  public static final String SUPPRESSED = "..";

  private static final int MAX_WIDTH_CHARS = 60;
  private static final int HEADER_WRAP_CHARS = 14;
  private static final int NOTE_CHARS = 130;

  private final SXSSFSheet sheet;
  private final Styles styles;
  private final int[] widths = new int[64];
  private int row;
  private int firstHeader = -1;
  private int headers;
  private boolean hasPicture;
  private boolean hadSuppressed;
  private final java.util.Set<ProtectedCell> shown;

  public SheetBuilder(SXSSFSheet sheet, Styles styles) {
    this(sheet, styles, new java.util.HashSet<>());
  }

  /** A builder that adds every protected cell it writes to {@code shown} (for the Data sheet). */
  public SheetBuilder(SXSSFSheet sheet, Styles styles, java.util.Set<ProtectedCell> shown) {
    this.sheet = sheet;
    this.styles = styles;
    this.shown = shown;
  }

  /** Records a cell as shown on this sheet (in a chart or a text) without writing it. */
  public void shows(ProtectedCell cell) {
    if (cell != null) {
      shown.add(cell);
    }
  }

  public SXSSFSheet sheet() {
    return sheet;
  }

  public int rowIndex() {
    return row;
  }

  public boolean hadSuppressed() {
    return hadSuppressed;
  }

  public Row newRow() {
    return sheet.createRow(row++);
  }

  public void skip(int rows) {
    row += rows;
  }

  public void text(String text, StyleKey style) {
    if (style == StyleKey.NOTE && text.length() > NOTE_CHARS) {
      // A note running past the tables would widen the printed page and shrink everything on it.
      SheetHeading.wrap(text, NOTE_CHARS).forEach(line -> text(line, style));
      return;
    }
    Row r = newRow();
    Cell c = r.createCell(0);
    c.setCellValue(text);
    c.setCellStyle(styles.get(style));
  }

  /**
   * A header row, its first column left-aligned (row labels) and the others right-aligned over
   * their numbers; a sheet's only header repeats on every printed page (see finish). Returns its
   * index.
   */
  public int header(List<String> names) {
    Row r = newRow();
    int lines = 1;
    for (int i = 0; i < names.size(); i++) {
      if (i == 0) {
        label(r, i, names.get(i), StyleKey.HEADER);
      } else {
        // Headers over numbers wrap: they set the column's width only up to a short word or two.
        Cell c = r.createCell(i);
        c.setCellValue(names.get(i));
        c.setCellStyle(styles.get(StyleKey.HEADER_NUMBER));
        track(i, Math.min(names.get(i).length(), HEADER_WRAP_CHARS));
        lines = Math.max(lines, SheetHeading.wrap(names.get(i), HEADER_WRAP_CHARS).size());
      }
    }
    // Streamed rows are not measured by Excel or LibreOffice: give wrapped headers their height.
    r.setHeightInPoints(Math.min(5, lines) * 14f + 2f);
    headers++;
    if (firstHeader < 0) {
      firstHeader = r.getRowNum();
    }
    return r.getRowNum();
  }

  /** A header row whose columns are all labels (left-aligned), as a data table has. */
  public int textHeader(List<String> names) {
    Row r = newRow();
    for (int i = 0; i < names.size(); i++) {
      label(r, i, names.get(i), StyleKey.HEADER);
    }
    headers++;
    if (firstHeader < 0) {
      firstHeader = r.getRowNum();
    }
    return r.getRowNum();
  }

  public void label(Row r, int col, String text, StyleKey style) {
    Cell c = r.createCell(col);
    c.setCellValue(text);
    if (style != StyleKey.PLAIN) {
      c.setCellStyle(styles.get(style));
    }
    track(col, text == null ? 0 : Math.min(text.length(), MAX_WIDTH_CHARS));
  }

  public void number(Row r, int col, Double value, StyleKey style) {
    Cell c = r.createCell(col);
    if (value != null) {
      c.setCellValue(value);
      c.setCellStyle(styles.get(style));
      track(col, Math.max(6, String.format("%,.1f", value).length()));
    }
  }

  /** A date, stored as a date and shown as yyyy-mm-dd; empty when null. */
  public void date(Row r, int col, java.time.LocalDate value) {
    Cell c = r.createCell(col);
    if (value != null) {
      c.setCellValue(value);
      c.setCellStyle(styles.get(StyleKey.DATE));
      track(col, 10);
    }
  }

  /** A protected cell's value (or numerator): a number, {@code ..} when suppressed, else empty. */
  public void value(Row r, int col, ProtectedCell cell, boolean numerator, StyleKey style) {
    if (cell == null) {
      r.createCell(col);
      return;
    }
    shown.add(cell);
    if (cell.status().isSuppressed()) {
      label(r, col, SUPPRESSED, StyleKey.SUPPRESSED);
      hadSuppressed = true;
      return;
    }
    number(r, col, numerator ? cell.numerator() : cell.value(), style);
  }

  /** A protected cell's varde, taljare or namnare: a number, {@code ..} when suppressed. */
  public void field(Row r, int col, ProtectedCell cell, String field, StyleKey style) {
    if (cell == null || cell.status().isSuppressed()) {
      value(r, col, cell, false, style);
      return;
    }
    shown.add(cell);
    number(
        r,
        col,
        switch (field) {
          case "taljare" -> cell.numerator();
          case "namnare" -> cell.denominator();
          default -> cell.value();
        },
        style);
  }

  public void suppressed(Row r, int col) {
    label(r, col, SUPPRESSED, StyleKey.SUPPRESSED);
    hadSuppressed = true;
  }

  private void track(int col, int chars) {
    if (col < widths.length) {
      widths[col] = Math.max(widths[col], chars);
    }
  }

  public void autoFilter(int headerRow, int lastRow, int lastCol) {
    if (lastRow > headerRow) {
      sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, lastCol));
    }
  }

  /**
   * Embeds a PNG at the current row, scaled from its pixel size, on a printed page of its own start
   * so it never splits across two; column widths are fixed first so it keeps its proportions.
   */
  public void picture(Path png, double scale) throws IOException {
    hasPicture = true;
    finish();
    if (row > 0) {
      sheet.setRowBreak(row - 1);
    }
    Workbook wb = sheet.getWorkbook();
    int idx = wb.addPicture(Files.readAllBytes(png), Workbook.PICTURE_TYPE_PNG);
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
    anchor.setCol1(0);
    anchor.setRow1(row);
    anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
    Picture picture = drawing.createPicture(anchor, idx);
    picture.resize(scale);
    row = picture.getClientAnchor().getRow2() + 2;
  }

  /**
   * Sets column widths from the content written and, on a sheet with one table and no chart,
   * repeats its header on every printed page (with several tables, or a chart on a page of its own,
   * a repeated header would stand over the wrong thing).
   */
  public void finish() {
    // A table's header over a chart on the next page would label the wrong thing.
    if (headers == 1 && !hasPicture) {
      sheet.setRepeatingRows(new CellRangeAddress(firstHeader, firstHeader, -1, -1));
    }
    for (int i = 0; i < widths.length; i++) {
      if (widths[i] > 0) {
        sheet.setColumnWidth(i, Math.min(MAX_WIDTH_CHARS, Math.max(9, widths[i] + 2)) * 256);
      }
    }
  }
}
