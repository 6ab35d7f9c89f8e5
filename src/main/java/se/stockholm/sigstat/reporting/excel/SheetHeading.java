package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
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
            + periodText(d)
            + ". Stadsdelar enligt "
            + "indelningen den "
            + d.indelning()
            + ".",
        StyleKey.NOTE);
    b.skip(1);
    b.sheet().getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    b.sheet().getPrintSetup().setLandscape(true);
    b.sheet().setFitToPage(true);
    b.sheet().getPrintSetup().setFitWidth((short) 1);
    b.sheet().getPrintSetup().setFitHeight((short) 0);
    b.sheet().getHeader().setLeft(ctx.title());
    b.sheet().getHeader().setRight("Period " + d.labels().period(p));
    b.sheet().getFooter().setRight("Sida &P av &N");
  }

  /** "2025 (2025-01-01–2025-12-31)", or the dates alone when they are the period's name. */
  static String periodText(ReportData d) {
    ReportingPeriod p = d.period();
    String name = d.labels().period(p);
    return p.kind() == ReportingPeriod.Kind.DATES
        ? name
        : name + " (" + se.stockholm.sigstat.reporting.Labels.dates(p) + ")";
  }

  static void charts(SheetBuilder b, WorkbookContext ctx, List<String> names) throws IOException {
    for (String name : names) {
      WorkbookContext.ChartImage chart = ctx.charts().get(name);
      if (chart == null) {
        continue;
      }
      b.skip(1);
      b.picture(chart.png(), 0.8);
      if (chart.omittedNote() != null) {
        // The note is in the picture too; as text it can be read aloud and searched. Lines are
        // kept short so they print within the page instead of running off its edge.
        for (String line : wrap(chart.omittedNote(), 130)) {
          b.text(line, StyleKey.NOTE);
        }
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

  /** Splits a text at spaces into lines of at most {@code width} characters. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
