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

  private final SXSSFSheet sheet;
  private final Styles styles;
  private final int[] widths = new int[64];
  private int row;
  private boolean hadSuppressed;

  public SheetBuilder(SXSSFSheet sheet, Styles styles) {
    this.sheet = sheet;
    this.styles = styles;
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
    Row r = newRow();
    Cell c = r.createCell(0);
    c.setCellValue(text);
    c.setCellStyle(styles.get(style));
  }

  /** A header row; returns its index. */
  public int header(List<String> names) {
    Row r = newRow();
    for (int i = 0; i < names.size(); i++) {
      label(r, i, names.get(i), StyleKey.HEADER);
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

  /** A protected cell's value (or numerator): a number, {@code ..} when suppressed, else empty. */
  public void value(Row r, int col, ProtectedCell cell, boolean numerator, StyleKey style) {
    if (cell == null) {
      r.createCell(col);
      return;
    }
    if (cell.status().isSuppressed()) {
      label(r, col, SUPPRESSED, StyleKey.SUPPRESSED);
      hadSuppressed = true;
      return;
    }
    number(r, col, numerator ? cell.numerator() : cell.value(), style);
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
   * Embeds a PNG at the current row, scaled from its pixel size; column widths are fixed first so
   * the picture keeps its proportions.
   */
  public void picture(Path png, double scale) throws IOException {
    finish();
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

  /** Sets column widths from the content written; call once at the end. */
  public void finish() {
    for (int i = 0; i < widths.length; i++) {
      if (widths[i] > 0) {
        sheet.setColumnWidth(i, Math.min(MAX_WIDTH_CHARS, Math.max(9, widths[i] + 2)) * 256);
      }
    }
  }
}
