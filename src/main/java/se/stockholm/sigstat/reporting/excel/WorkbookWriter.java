package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
    SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, false);
    try {
      Styles styles = new Styles(wb);
      WorkbookContext withStyles =
          new WorkbookContext(
              ctx.data(), ctx.definition(), ctx.title(), ctx.district(), ctx.charts(), styles);
      for (ReportDefinition.Sheet def : ctx.definition().sheets()) {
        SXSSFSheet sheet = wb.createSheet(def.name());
        SheetBuilder builder = new SheetBuilder(sheet, styles);
        SHEETS.get(def.type()).write(builder, def, withStyles);
        builder.finish();
      }
      XSSFWorkbook props = wb.getXSSFWorkbook();
      props.getProperties().getCoreProperties().setTitle(ctx.title());
      props
          .getProperties()
          .getCoreProperties()
          .setSubjectProperty(
              "SIG-uppföljning på individnivå, period "
                  + ctx.data().labels().period(ctx.data().period()));
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
