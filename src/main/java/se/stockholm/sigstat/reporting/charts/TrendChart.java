package se.stockholm.sigstat.reporting.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/** Aktuella individer per quarter of the look-back, one line per kön. */
public final class TrendChart implements ReportChart {
  @Override
  public String name() {
    return "trend";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    ProtectedDataset chartData = new ProtectedDataset();
    List<ReportingPeriod> quarters = d.trendPeriods();
    if (quarters.isEmpty()) {
      return null;
    }
    for (ReportingPeriod q : quarters) {
      for (String g : List.of("K", "M", "OVRIGT")) {
        ProtectedCell c =
            d.cell(
                    new CellKey(
                        q.code(),
                        "AKTUELLA",
                        Dimensions.NO_CATEGORY,
                        focus,
                        Dimensions.ALL,
                        g,
                        Dimensions.ALL))
                .orElse(null);
        String series = d.labels().value("kon", g, null);
        String label = d.labels().period(q);
        chartData.point(c, series, label, label + " " + series.toLowerCase());
      }
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            "Aktuella individer per kvartal och kön, " + d.labels().value("stadsdel", focus, null),
            "Kvartal",
            "Antal individer",
            chartData.data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartTheme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    Colours.bySeries(plot, chartData.data, d, List.of("K", "M", "OVRIGT"));
    for (int s = 0; s < chartData.data.getRowCount(); s++) {
      plot.getRenderer().setSeriesStroke(s, new java.awt.BasicStroke(3f));
    }
    return ChartWriter.write(chart, chartData.note(), png);
  }
}
