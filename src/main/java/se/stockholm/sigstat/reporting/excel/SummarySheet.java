package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/** "Sammanfattning": key figures by kön (and the city beside a district), and the main charts. */
public final class SummarySheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx)
      throws IOException {
    ReportData d = ctx.data();
    SheetHeading.top(b, ctx, def.name());
    b.text("Nyckeltal – " + d.labels().value("stadsdel", ctx.focus(), null), StyleKey.SUBTITLE);
    List<String> header = new ArrayList<>();
    header.add("Mått");
    for (String g : d.grid().genders()) {
      header.add(d.labels().value("kon", g, null));
    }
    if (ctx.isDistrict()) {
      header.add("Staden, totalt");
    }
    int headerRow = b.header(header);
    for (String m : def.measures()) {
      Row r = b.newRow();
      b.label(r, 0, d.labels().measure(m), StyleKey.ROW_LABEL);
      int col = 1;
      CellKey base =
          new CellKey(
              d.period().code(),
              m,
              TablesSheet.defaultCategory(d.model().measure(m)),
              ctx.focus(),
              m.startsWith("ANHORIGA_") ? Dimensions.RELATIVES : Dimensions.ALL,
              Dimensions.ALL,
              Dimensions.ALL);
      for (String g : d.grid().genders()) {
        b.value(
            r,
            col++,
            d.cell(base.with(Dimensions.GENDER, g)).orElse(null),
            false,
            Formats.of(d.model().measure(m), false));
      }
      if (ctx.isDistrict()) {
        b.value(
            r,
            col,
            d.cell(base.with(Dimensions.DISTRICT, d.city())).orElse(null),
            false,
            Formats.of(d.model().measure(m), false));
      }
    }
    b.sheet().createFreezePane(1, headerRow + 1);
    SheetHeading.bottom(b, ctx);
    SheetHeading.charts(b, ctx, def.charts());
  }
}
