package se.stockholm.sigstat.reporting.excel;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The styles of one workbook, created once (Excel limits a workbook to 64 000 styles). Number
 * formats use Excel's invariant codes; Swedish Excel shows them as "# ##0" and "0,0 %" (the space
 * before % is part of the format, as the spec asks).
 */
public final class Styles {
  private final Map<StyleKey, CellStyle> styles = new EnumMap<>(StyleKey.class);

  public Styles(Workbook wb) {
    DataFormat fmt = wb.createDataFormat();
    Font bold = wb.createFont();
    bold.setBold(true);
    Font title = wb.createFont();
    title.setBold(true);
    title.setFontHeightInPoints((short) 14);
    Font italic = wb.createFont();
    italic.setItalic(true);
    italic.setFontHeightInPoints((short) 9);

    styles.put(StyleKey.TITLE, style(wb, s -> s.setFont(title)));
    styles.put(StyleKey.SUBTITLE, style(wb, s -> s.setFont(bold)));
    // Labels sit at the top of their row, level with a wrapped text beside them.
    styles.put(
        StyleKey.BOLD,
        style(
            wb,
            s -> {
              s.setFont(bold);
              s.setVerticalAlignment(VerticalAlignment.TOP);
            }));
    java.util.function.Consumer<CellStyle> header =
        s -> {
          s.setFont(bold);
          s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
          s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
          s.setBorderBottom(BorderStyle.THIN);
          s.setWrapText(true);
          s.setVerticalAlignment(VerticalAlignment.TOP);
        };
    styles.put(StyleKey.HEADER, style(wb, header));
    // Numbers sit on the right; so do their headers.
    styles.put(
        StyleKey.HEADER_NUMBER,
        style(wb, header.andThen(s -> s.setAlignment(HorizontalAlignment.RIGHT))));
    styles.put(StyleKey.ROW_LABEL, style(wb, s -> s.setVerticalAlignment(VerticalAlignment.TOP)));
    styles.put(StyleKey.PLAIN, null);
    styles.put(StyleKey.TOTAL_LABEL, style(wb, s -> s.setFont(bold)));
    styles.put(StyleKey.INTEGER, style(wb, s -> s.setDataFormat(fmt.getFormat("#,##0"))));
    styles.put(StyleKey.DECIMAL, style(wb, s -> s.setDataFormat(fmt.getFormat("#,##0.0"))));
    styles.put(StyleKey.DECIMAL2, style(wb, s -> s.setDataFormat(fmt.getFormat("#,##0.00"))));
    styles.put(StyleKey.DECIMAL3, style(wb, s -> s.setDataFormat(fmt.getFormat("0.000"))));
    // Kronor shown in thousands (the trailing comma scales); the cell keeps the exact kronor.
    styles.put(StyleKey.TKR, style(wb, s -> s.setDataFormat(fmt.getFormat("#,##0,"))));
    styles.put(StyleKey.DATE, style(wb, s -> s.setDataFormat(fmt.getFormat("yyyy-mm-dd"))));
    // p-values below 0.001 are shown as text, not as a rounded 0,000; the value stays a number.
    styles.put(
        StyleKey.P_VALUE,
        style(wb, s -> s.setDataFormat(fmt.getFormat("[<0.001]\"< 0,001\";0.000"))));
    styles.put(StyleKey.PERCENT, style(wb, s -> s.setDataFormat(fmt.getFormat("0.0\\ %"))));
    styles.put(StyleKey.SUPPRESSED, style(wb, s -> s.setAlignment(HorizontalAlignment.RIGHT)));
    styles.put(
        StyleKey.TEXT,
        style(
            wb,
            s -> {
              s.setWrapText(true);
              s.setVerticalAlignment(VerticalAlignment.TOP);
            }));
    styles.put(StyleKey.NOTE, style(wb, s -> s.setFont(italic)));
  }

  private static CellStyle style(Workbook wb, java.util.function.Consumer<CellStyle> setup) {
    CellStyle s = wb.createCellStyle();
    setup.accept(s);
    return s;
  }

  public CellStyle get(StyleKey key) {
    return styles.get(key);
  }
}
