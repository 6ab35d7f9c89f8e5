package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.List;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.reporting.ReportData;

/** The lines every sheet starts and ends with: title, period, charts, footnotes and source. */
final class SheetHeading {
  /** Rows the heading takes; panes are frozen under them. */
  static final int ROWS = 3;

  private SheetHeading() {}

  static void top(SheetBuilder b, WorkbookContext ctx, String sheetTitle) {
    ReportData d = ctx.data();
    ReportingPeriod p = d.period();
    b.text(ctx.title() + " – " + sheetTitle, StyleKey.TITLE);
    b.text(
        "Period "
            + d.labels().period(p)
            + " ("
            + p.start()
            + " – "
            + p.end()
            + "). Stadsdelar enligt "
            + "indelningen den "
            + d.indelning()
            + ".",
        StyleKey.NOTE);
    b.skip(1);
    b.sheet().getPrintSetup().setLandscape(true);
    b.sheet().setFitToPage(true);
    b.sheet().getPrintSetup().setFitWidth((short) 1);
    b.sheet().getPrintSetup().setFitHeight((short) 0);
    b.sheet().getHeader().setLeft(ctx.title());
    b.sheet().getHeader().setRight("Period " + d.labels().period(p));
    b.sheet().getFooter().setRight("Sida &P av &N");
  }

  static void charts(SheetBuilder b, WorkbookContext ctx, List<String> names) throws IOException {
    for (String name : names) {
      WorkbookContext.ChartImage chart = ctx.charts().get(name);
      if (chart == null) {
        continue;
      }
      b.skip(1);
      b.picture(chart.png(), 0.55);
      if (chart.omittedNote() != null) {
        b.text(chart.omittedNote(), StyleKey.NOTE);
      }
    }
  }

  static void bottom(SheetBuilder b, WorkbookContext ctx) {
    b.skip(1);
    if (b.hadSuppressed() || ctx.data().minCell() <= 1) {
      b.text(ctx.data().suppressionNote(), StyleKey.NOTE);
    }
    b.text(ctx.data().sourceLine(), StyleKey.NOTE);
  }
}
