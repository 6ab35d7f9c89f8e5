package se.stockholm.sigstat.reporting.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.LifeDomain;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/** Förbättrad / oförändrad / försämrad per life domain, as 100 % stacked bars. */
public final class OutcomeByDomainChart implements ReportChart {
  private static final List<String> OUTCOMES = List.of("FORBATTRAD", "OFORANDRAD", "FORSAMRAD");

  @Override
  public String name() {
    return "outcome-by-domain";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<String> omitted = new ArrayList<>();
    for (LifeDomain dom : d.model().lifeDomains()) {
      String domain = d.model().codeList("livsomrade").labelOf(dom.code());
      List<ProtectedCell> cells = new ArrayList<>();
      for (String outcome : OUTCOMES) {
        cells.add(
            d.cell(outcome, dom.code(), focus, Dimensions.ALL, Dimensions.ALL, Dimensions.ALL)
                .orElse(null));
      }
      // A 100 % bar with one part missing would misstate the others: all three, or none.
      boolean complete =
          cells.stream()
              .allMatch(c -> c != null && !c.status().isSuppressed() && c.value() != null);
      if (!complete) {
        if (cells.stream().anyMatch(c -> c != null && c.status().isSuppressed())) {
          omitted.add(domain);
        }
        continue;
      }
      for (int i = 0; i < OUTCOMES.size(); i++) {
        data.addValue(cells.get(i).value() * 100, d.labels().measure(OUTCOMES.get(i)), domain);
      }
    }
    if (data.getColumnCount() == 0) {
      data.addValue(null, d.labels().measure("FORBATTRAD"), "Inga livsområden kan visas");
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            "Förändring i livssituation per livsområde, "
                + d.labels().value("stadsdel", focus, null)
                + ", "
                + d.labels().period(d.period()),
            null,
            "Andel av bedömningsparen",
            data,
            PlotOrientation.HORIZONTAL,
            true,
            false,
            false);
    ChartTheme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    ((StackedBarRenderer) plot.getRenderer()).setRenderAsPercentages(true);
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setRange(0, 1);
    axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.forLanguageTag("sv-SE")));
    Colours.bySeries(plot, data, d, OUTCOMES);
    return ChartWriter.write(
        chart,
        omitted.isEmpty()
            ? null
            : "Livsområden som inte visas av sekretesskäl (..): "
                + String.join(", ", omitted)
                + ".",
        png);
  }
}
