package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * Writes one workbook with streaming sheets (SXSSF): each sheet by the writer of its type, styles
 * created once, document properties set; written to a temporary file in the target folder and
 * renamed into place, so no half-written workbook is ever seen.
 */
public final class WorkbookWriter {
  private static final Map<String, SheetWriter> SHEETS =
      Map.of(
          "about", new AboutSheet(),
          "summary", new SummarySheet(),
          "tables", new TablesSheet(),
          "gender", new GenderSheet(),
          "trend", new TrendSheet(),
          "quality", new DataQualitySheet(),
          "data", new DataSheet(),
          "comparison", new ComparisonSheet());

  private WorkbookWriter() {}

  public static Path write(WorkbookContext ctx, Path target) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".workbook", ".xlsx.tmp");
    // Shared strings: the Data sheet repeats a few hundred labels over thousands of rows.
    SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true);
    try {
      Styles styles = new Styles(wb);
      Set<ProtectedCell> shown = new HashSet<>();
      WorkbookContext withStyles =
          new WorkbookContext(
              ctx.data(),
              ctx.definition(),
              ctx.title(),
              ctx.district(),
              ctx.charts(),
              styles,
              shown);
      ctx.charts().values().forEach(c -> shown.addAll(c.cells()));
      List<ReportDefinition.Sheet> defs = ctx.definition().sheets();
      List<SXSSFSheet> sheets = new ArrayList<>();
      for (ReportDefinition.Sheet def : defs) {
        sheets.add(wb.createSheet(def.name()));
      }
      // The Data sheet lists what the other sheets show, so it is written after them all.
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < defs.size(); i++) {
          if (defs.get(i).type().equals("data") == (pass == 1)) {
            SheetBuilder builder = new SheetBuilder(sheets.get(i), styles, shown);
            SHEETS.get(defs.get(i).type()).write(builder, defs.get(i), withStyles);
            builder.finish();
          }
        }
      }
      XSSFWorkbook props = wb.getXSSFWorkbook();
      props.getProperties().getCoreProperties().setTitle(ctx.title());
      props
          .getProperties()
          .getCoreProperties()
          .setSubjectProperty(
              "SIG-uppföljning på individnivå, period " + SheetHeading.periodText(ctx.data()));
      props.getProperties().getCoreProperties().setCreator("sigstat");
      props
          .getProperties()
          .getExtendedProperties()
          .getUnderlyingProperties()
          .setCompany("Stockholms stad, socialförvaltningen");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        wb.write(out);
      }
      AtomicFiles.move(tmp, target);
    } finally {
      wb.dispose();
      wb.close();
      Files.deleteIfExists(tmp);
    }
    return target;
  }
}
