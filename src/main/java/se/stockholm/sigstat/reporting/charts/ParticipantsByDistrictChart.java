package se.stockholm.sigstat.reporting.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/** Aktuella individer per district, stacked by kön. */
public final class ParticipantsByDistrictChart implements ReportChart {
  @Override
  public String name() {
    return "participants-by-district";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    ProtectedDataset chartData = new ProtectedDataset();
    for (String district : d.grid().districts()) {
      if (district.equals(d.city())) {
        continue;
      }
      String name = d.labels().value("stadsdel", district, null);
      for (String g : List.of("K", "M", "OVRIGT")) {
        ProtectedCell c =
            d.cell("AKTUELLA", "", district, Dimensions.ALL, g, Dimensions.ALL).orElse(null);
        String series = d.labels().value("kon", g, null);
        chartData.bar(c, series, name, name + " – " + series);
      }
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            "Aktuella individer per stadsdel och kön, " + d.labels().period(d.period()),
            null,
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
    return ChartWriter.write(chart, chartData.note(), png);
  }
}
