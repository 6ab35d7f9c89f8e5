package se.stockholm.sigstat.reporting.charts;

import java.util.List;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import se.stockholm.sigstat.reporting.ReportData;

/** Gives each series of a category chart its fixed colour by kön or outcome code. */
final class Colours {
  private Colours() {}

  static void bySeries(CategoryPlot plot, CategoryDataset data, ReportData d, List<String> codes) {
    for (String code : codes) {
      String label =
          code.equals("FORBATTRAD") || code.equals("OFORANDRAD") || code.equals("FORSAMRAD")
              ? d.labels().measure(code)
              : d.labels().value("kon", code, null);
      int series = data.getRowIndex(label);
      if (series >= 0) {
        plot.getRenderer().setSeriesPaint(series, ChartTheme.COLOURS.get(code));
      }
    }
  }
}
