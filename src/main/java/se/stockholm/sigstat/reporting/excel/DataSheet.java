package se.stockholm.sigstat.reporting.excel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.CellStatus;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.reporting.Labels;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * "Data": the protected cells that this workbook's other sheets show (never an empty E cell), as an
 * Excel table ready for filters and pivot tables: Swedish labels beside the codes, dates as dates,
 * each value in its measure's number format, status letters spelt out and a column marking the
 * totals. The whole table stays in statistik.csv and .parquet.
 */
public final class DataSheet implements SheetWriter {
  /** The table's columns: statistik's code columns with a Swedish label beside each code. */
  static final List<String> COLUMNS =
      List.of(
          "period",
          "Period",
          "period_start",
          "period_slut",
          "preliminar",
          "indelning",
          "matt",
          "Mått",
          "Enhet",
          "kategori",
          "Kategori",
          "stadsdel",
          "Stadsdel",
          "verksamhet",
          "Verksamhet",
          "kon",
          "Kön",
          "aldersgrupp",
          "Åldersgrupp",
          "Totalrad",
          "varde",
          "taljare",
          "namnare",
          "ki_lag",
          "ki_hog",
          "status",
          "Status");

  private static final List<String> DIMENSIONS =
      List.of(
          Dimensions.CATEGORY,
          Dimensions.DISTRICT,
          Dimensions.ACTIVITY,
          Dimensions.GENDER,
          Dimensions.AGE_BAND);

  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx) {
    ReportData d = ctx.data();
    b.text(ctx.title() + " – uppgifterna i arbetsbokens tabeller", StyleKey.TITLE);
    b.text(
        "En rad per cell som visas på arbetsbokens blad; hela tabellen finns i statistik.csv och"
            + " statistik.parquet. Status: S = publicerad, Z = publicerad nolla, P = visas inte"
            + " (färre än "
            + d.minCell()
            + " individer), M = visas inte (skyddar en annan dold uppgift, eller för få individer där"
            + " markeringen P skulle röja antalet). Dolda värden är ..",
        StyleKey.NOTE);
    b.text(
        "Totalrad = Ja: raden är summan av andra rader här (Stockholms stad, Totalt, Alla"
            + " verksamheter, Alla åldrar, Samtliga). Filtrera Totalrad = Nej i en pivottabell som"
            + " summerar, och summera bara inom ett mått och en tabell: en individ kan räknas i"
            + " flera stadsdelar.",
        StyleKey.NOTE);
    b.skip(1);
    List<ProtectedCell> rows =
        d.cells().stream()
            .filter(c -> c.status() != CellStatus.EMPTY && ctx.shown().contains(c))
            .toList();
    Set<CellKey> totals = totalsOf(rows, d);
    int headerRow = b.textHeader(COLUMNS);
    Labels labels = d.labels();
    for (ProtectedCell c : rows) {
      CellKey k = c.key();
      ReportingPeriod p = d.periodOf(k.period());
      Measure m = d.model().measure(k.measure());
      Row r = b.newRow();
      int col = 0;
      b.label(r, col++, k.period(), StyleKey.PLAIN);
      b.label(r, col++, p == null ? k.period() : labels.period(p), StyleKey.PLAIN);
      b.date(r, col++, p == null ? null : p.start());
      b.date(r, col++, p == null ? null : p.end());
      b.label(r, col++, p != null && p.preliminary() ? "Ja" : "Nej", StyleKey.PLAIN);
      b.date(r, col++, d.indelning());
      b.label(r, col++, k.measure(), StyleKey.PLAIN);
      b.label(r, col++, m.label(), StyleKey.PLAIN);
      b.label(r, col++, m.unit(), StyleKey.PLAIN);
      for (String dim : DIMENSIONS) {
        String code = k.coordinate(dim);
        b.label(r, col++, code, StyleKey.PLAIN);
        b.label(
            r, col++, code.isEmpty() ? "" : labels.value(dim, code, k.measure()), StyleKey.PLAIN);
      }
      b.label(r, col++, totals.contains(k) ? "Ja" : "Nej", StyleKey.PLAIN);
      StyleKey fmt = Formats.of(m, false);
      if (c.status().isSuppressed()) {
        b.suppressed(r, col++);
      } else {
        b.number(r, col++, c.value(), fmt);
      }
      b.number(r, col++, c.numerator(), StyleKey.INTEGER);
      b.number(r, col++, c.denominator(), StyleKey.INTEGER);
      StyleKey intervalFmt = fmt == StyleKey.P_VALUE ? StyleKey.DECIMAL3 : fmt;
      b.number(r, col++, c.low(), intervalFmt);
      b.number(r, col++, c.high(), intervalFmt);
      b.label(r, col++, c.status().code(), StyleKey.PLAIN);
      b.label(r, col, statusText(c.status()), StyleKey.PLAIN);
    }
    int lastRow = Math.max(headerRow + 1, b.rowIndex() - 1);
    AreaReference area =
        new AreaReference(
            new CellReference(headerRow, 0),
            new CellReference(lastRow, COLUMNS.size() - 1),
            SpreadsheetVersion.EXCEL2007);
    // SXSSF streams rows; the table part is declared on the backing XSSF sheet.
    SXSSFWorkbook wb = (SXSSFWorkbook) b.sheet().getWorkbook();
    XSSFTable table = wb.getXSSFWorkbook().getSheet(b.sheet().getSheetName()).createTable(area);
    table.setName("Statistik");
    table.setDisplayName("Statistik");
    for (int i = 0; i < COLUMNS.size(); i++) {
      table.getCTTable().getTableColumns().getTableColumnArray(i).setName(COLUMNS.get(i));
    }
    CTTableStyleInfo style = table.getCTTable().addNewTableStyleInfo();
    style.setName("TableStyleMedium2");
    style.setShowRowStripes(true);
    table.getCTTable().addNewAutoFilter().setRef(area.formatAsString());
    b.sheet().createFreezePane(0, headerRow + 1);
    b.sheet().getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
    b.sheet().getPrintSetup().setLandscape(true);
  }

  /**
   * The rows that are the total of other rows on the sheet: a row whose dimension is at its total
   * while a row with the same other coordinates has a value of that dimension.
   */
  static Set<CellKey> totalsOf(List<ProtectedCell> rows, ReportData d) {
    Set<CellKey> totals = new HashSet<>();
    for (ProtectedCell c : rows) {
      Measure m = d.model().measure(c.key().measure());
      for (String dim : DIMENSIONS) {
        String total = d.grid().total(dim, m);
        String value = c.key().coordinate(dim);
        if (total != null && !value.equals(total)) {
          totals.add(c.key().with(dim, total));
        }
      }
    }
    return totals;
  }

  static String statusText(CellStatus s) {
    return switch (s) {
      case SAFE -> "Publicerad";
      case ZERO -> "Publicerad nolla";
      case PRIMARY -> "Visas inte: för få individer";
      case SECONDARY -> "Visas inte: skyddar en annan dold uppgift (eller för få individer)";
      case EMPTY -> "Tom";
    };
  }
}
