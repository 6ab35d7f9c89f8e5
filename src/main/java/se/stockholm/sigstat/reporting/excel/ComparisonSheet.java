package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * "Stadsdelsjämförelse" for budget planners: districts as rows with volumes, costs, FTEs and
 * outcomes of the report year side by side, sortable, the city last.
 */
public final class ComparisonSheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx)
      throws IOException {
    ReportData d = ctx.data();
    ReportingPeriod year = d.yearPeriod();
    SheetHeading.top(b, ctx, def.name());
    b.text(
        "Stadsdelarna sida vid sida, " + d.labels().period(year) + " (alla SIG-verksamheter)",
        StyleKey.SUBTITLE);
    List<String> header = new ArrayList<>();
    header.add("Stadsdel");
    for (String m : def.measures()) {
      Measure measure = d.model().measure(m);
      header.add(measure.label() + " (" + measure.unit() + ")");
    }
    int headerRow = b.header(header);
    for (String district : d.grid().districts()) {
      Row r = b.newRow();
      b.label(
          r,
          0,
          d.labels().value("stadsdel", district, null),
          district.equals(d.city()) ? StyleKey.TOTAL_LABEL : StyleKey.ROW_LABEL);
      int col = 1;
      for (String m : def.measures()) {
        Measure measure = d.model().measure(m);
        b.value(
            r,
            col++,
            d.cell(
                    new CellKey(
                        year.code(),
                        m,
                        TablesSheet.defaultCategory(measure),
                        district,
                        Dimensions.ALL,
                        Dimensions.ALL,
                        Dimensions.ALL))
                .orElse(null),
            false,
            Formats.of(measure, false));
      }
    }
    // Sorting applies to the districts; the city row stays out of the filter range.
    b.autoFilter(headerRow, b.rowIndex() - 2, header.size() - 1);
    b.sheet().createFreezePane(1, headerRow + 1);
    SheetHeading.bottom(b, ctx);
    SheetHeading.charts(b, ctx, def.charts());
  }
}
