package se.stockholm.sigstat.reporting.excel;

import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.publish.StatistikFiles;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * "Data": the protected statistik table of the run (a district's workbook: its own rows and the
 * city's) as an Excel table, ready for filters and pivot tables.
 */
public final class DataSheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx) {
    ReportData d = ctx.data();
    List<String> columns = StatistikFiles.COLUMNS;
    int headerRow = b.header(columns);
    for (ProtectedCell c : d.cells()) {
      CellKey k = c.key();
      if (ctx.isDistrict()
          && !k.district().equals(ctx.district())
          && !k.district().equals(d.city())) {
        continue;
      }
      ReportingPeriod p = d.periodOf(k.period());
      Row r = b.newRow();
      b.label(r, 0, k.period(), StyleKey.PLAIN);
      b.label(r, 1, p == null ? "" : p.start().toString(), StyleKey.PLAIN);
      b.label(r, 2, p == null ? "" : p.end().toString(), StyleKey.PLAIN);
      b.label(r, 3, d.indelning().toString(), StyleKey.PLAIN);
      b.label(r, 4, k.measure(), StyleKey.PLAIN);
      b.label(r, 5, k.category(), StyleKey.PLAIN);
      b.label(r, 6, k.district(), StyleKey.PLAIN);
      b.label(r, 7, k.activity(), StyleKey.PLAIN);
      b.label(r, 8, k.gender(), StyleKey.PLAIN);
      b.label(r, 9, k.ageBand(), StyleKey.PLAIN);
      if (c.status().isSuppressed()) {
        b.suppressed(r, 10);
      } else {
        b.number(r, 10, c.value(), StyleKey.DECIMAL3);
      }
      b.number(r, 11, c.numerator(), StyleKey.DECIMAL3);
      b.number(r, 12, c.denominator(), StyleKey.DECIMAL3);
      b.number(r, 13, c.low(), StyleKey.DECIMAL3);
      b.number(r, 14, c.high(), StyleKey.DECIMAL3);
      b.label(r, 15, c.status().code(), StyleKey.PLAIN);
      b.label(r, 16, Boolean.toString(p != null && p.preliminary()), StyleKey.PLAIN);
    }
    int lastRow = Math.max(headerRow + 1, b.rowIndex() - 1);
    AreaReference area =
        new AreaReference(
            new CellReference(headerRow, 0),
            new CellReference(lastRow, columns.size() - 1),
            SpreadsheetVersion.EXCEL2007);
    // SXSSF streams rows; the table part is declared on the backing XSSF sheet.
    SXSSFWorkbook wb = (SXSSFWorkbook) b.sheet().getWorkbook();
    XSSFTable table = wb.getXSSFWorkbook().getSheet(b.sheet().getSheetName()).createTable(area);
    table.setName("Statistik");
    table.setDisplayName("Statistik");
    for (int i = 0; i < columns.size(); i++) {
      table.getCTTable().getTableColumns().getTableColumnArray(i).setName(columns.get(i));
    }
    CTTableStyleInfo style = table.getCTTable().addNewTableStyleInfo();
    style.setName("TableStyleMedium2");
    style.setShowRowStripes(true);
    table.getCTTable().addNewAutoFilter().setRef(area.formatAsString());
    b.sheet().createFreezePane(0, headerRow + 1);
  }
}
