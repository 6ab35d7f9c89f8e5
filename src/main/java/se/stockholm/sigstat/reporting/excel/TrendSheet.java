package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/** "Trend": quarters and years of the look-back as rows, each measure by kön as columns. */
public final class TrendSheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx)
      throws IOException {
    ReportData d = ctx.data();
    SheetHeading.top(b, ctx, def.name());
    b.text(
        "Utveckling per kvartal och år – " + d.labels().value("stadsdel", ctx.focus(), null),
        StyleKey.SUBTITLE);
    List<ReportingPeriod> periods = new ArrayList<>(d.trendPeriods());
    periods.addAll(d.trendYears());
    // A district's kön per quarter is not published: no column that would be empty throughout.
    List<String> genders =
        d.grid().genders().stream()
            .filter(
                g ->
                    periods.stream()
                        .anyMatch(
                            p ->
                                def.measures().stream()
                                    .anyMatch(m -> cell(d, p, m, ctx.focus(), g) != null)))
            .toList();
    List<String> header = new ArrayList<>();
    header.add("Period");
    for (String m : def.measures()) {
      for (String g : genders) {
        header.add(d.labels().measure(m) + ", " + d.labels().value("kon", g, null));
      }
    }
    int headerRow = b.header(header);
    for (ReportingPeriod p : periods) {
      Row r = b.newRow();
      b.label(
          r,
          0,
          d.labels().period(p),
          p.kind() == ReportingPeriod.Kind.YEAR ? StyleKey.TOTAL_LABEL : StyleKey.ROW_LABEL);
      int col = 1;
      for (String m : def.measures()) {
        for (String g : genders) {
          b.value(r, col++, cell(d, p, m, ctx.focus(), g), false, StyleKey.INTEGER);
        }
      }
    }
    b.autoFilter(headerRow, b.rowIndex() - 1, header.size() - 1);
    b.sheet().createFreezePane(1, headerRow + 1);
    SheetHeading.bottom(b, ctx);
    SheetHeading.charts(b, ctx, def.charts());
  }

  private static se.stockholm.sigstat.disclosure.ProtectedCell cell(
      ReportData d, ReportingPeriod p, String measure, String focus, String gender) {
    return d.cell(
            new CellKey(
                p.code(),
                measure,
                Dimensions.NO_CATEGORY,
                focus,
                Dimensions.ALL,
                gender,
                Dimensions.ALL))
        .orElse(null);
  }
}
