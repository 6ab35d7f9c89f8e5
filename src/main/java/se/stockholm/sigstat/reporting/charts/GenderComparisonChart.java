package se.stockholm.sigstat.reporting.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.reporting.GenderRates;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/**
 * Kvinnor and Män side by side for the key volume measures, per 10 000 inhabitants of the same kön
 * (counts of women and men would mostly show that fewer women are in SIG). Relatives have no
 * population to compare with and are on the sheet's table.
 */
public final class GenderComparisonChart implements ReportChart {
  private static final List<String> MEASURES =
      List.of("AKTUELLA", "NYA", "AVSLUTADE", "PAGAENDE_VID_SLUT");

  @Override
  public String name() {
    return "gender-comparison";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<ProtectedCell> drawn = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    for (String m : MEASURES) {
      String label = d.labels().measure(m);
      for (String g : List.of("K", "M")) {
        GenderRates.Rate rate = GenderRates.of(d, m, focus, g);
        String series = d.labels().value("kon", g, null);
        if (rate.hidden()) {
          omitted.add(label + " – " + series.toLowerCase());
        } else if (rate.value() != null) {
          drawn.add(rate.count());
          drawn.add(rate.population());
          data.addValue(rate.value(), series, label);
        }
      }
    }
    if (data.getColumnCount() == 0) {
      return null;
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Kvinnor och män per 10 000 invånare, "
                + d.labels().value("stadsdel", focus, null)
                + ", "
                + d.labels().period(d.period()),
            null,
            "Per 10 000 invånare 15–29 år av samma kön",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartTheme.apply(chart);
    ChartTheme.swedishAxis(chart.getCategoryPlot());
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
    Colours.bySeries(chart.getCategoryPlot(), data, d, List.of("K", "M"));
    return ChartWriter.write(chart, ChartTheme.omittedNote(omitted), png, drawn);
  }
}
