package se.stockholm.sigstat.reporting.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/** Kvinnor and Män side by side for the key volume measures, participants and relatives. */
public final class GenderComparisonChart implements ReportChart {
  private static final List<String[]> MEASURES =
      List.of(
          new String[] {"AKTUELLA", "", Dimensions.ALL},
          new String[] {"NYA", "", Dimensions.ALL},
          new String[] {"AVSLUTADE", "", Dimensions.ALL},
          new String[] {"ANHORIGA_AKTUELLA", Dimensions.ALL, Dimensions.RELATIVES});

  @Override
  public String name() {
    return "gender-comparison";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    ProtectedDataset chartData = new ProtectedDataset();
    for (String[] m : MEASURES) {
      String label = d.labels().measure(m[0]);
      for (String g : List.of("K", "M")) {
        ProtectedCell c = d.cell(m[0], m[1], focus, m[2], g, Dimensions.ALL).orElse(null);
        String series = d.labels().value("kon", g, null);
        chartData.bar(c, series, label, label + " – " + series.toLowerCase());
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Kvinnor och män, "
                + d.labels().value("stadsdel", focus, null)
                + ", "
                + d.labels().period(d.period()),
            null,
            "Antal",
            chartData.data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartTheme.apply(chart);
    Colours.bySeries(chart.getCategoryPlot(), chartData.data, d, List.of("K", "M"));
    return ChartWriter.write(chart, chartData.note(), png);
  }
}
