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
import org.jfree.chart.ui.RectangleInsets;
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
    Drawing own = draw(d, focus);
    if (own.domains > 0) {
      return write(d, focus, own, null, png);
    }
    // Nothing of the district can be drawn by domain: the next level that can is the city's.
    Drawing city = draw(d, d.city());
    if (city.domains == 0) {
      return write(d, focus, own, null, png);
    }
    return write(
        d,
        d.city(),
        city,
        "Förändringen per livsområde kan inte visas för "
            + d.labels().value("stadsdel", focus, null)
            + " av sekretesskäl (..) i något livsområde; diagrammet visar staden som jämförelse."
            + " Stadsdelens andel förbättrade i något livsområde finns i tabellen Nyckeltal.",
        png);
  }

  /** A chart's bars: published parts, and what they leave of 100 % as "Ej redovisat". */
  private record Drawing(
      DefaultCategoryDataset data,
      List<ProtectedCell> cells,
      List<String> omitted,
      int domains,
      boolean notShown) {}

  private static Drawing draw(ReportData d, String focus) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<ProtectedCell> drawn = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    int domains = 0;
    boolean anyNotShown = false;
    for (LifeDomain dom : d.model().lifeDomains()) {
      String domain = d.model().codeList("livsomrade").labelOf(dom.code());
      List<ProtectedCell> cells = new ArrayList<>();
      for (String outcome : OUTCOMES) {
        cells.add(
            d.cell(outcome, dom.code(), focus, Dimensions.ALL, Dimensions.ALL, Dimensions.ALL)
                .orElse(null));
      }
      boolean any =
          cells.stream()
              .anyMatch(c -> c != null && !c.status().isSuppressed() && c.value() != null);
      if (!any) {
        if (cells.stream().anyMatch(c -> c != null && c.status().isSuppressed())) {
          omitted.add(domain);
        }
        continue;
      }
      domains++;
      double shown = 0;
      for (int i = 0; i < OUTCOMES.size(); i++) {
        ProtectedCell c = cells.get(i);
        if (c != null) {
          drawn.add(c);
        }
        double v = c == null || c.status().isSuppressed() || c.value() == null ? 0 : c.value();
        shown += v;
        data.addValue(v * 100, d.labels().measure(OUTCOMES.get(i)), domain);
      }
      // The rest of 100 % is what the published shares leave: the hidden outcomes together.
      double rest = Math.max(0, 1 - shown);
      boolean notShown = rest > 1e-9;
      anyNotShown |= notShown;
      data.addValue(notShown ? rest * 100 : 0, ChartTheme.NOT_SHOWN_LABEL, domain);
    }
    return new Drawing(data, drawn, omitted, domains, anyNotShown);
  }

  private static WorkbookContext.ChartImage write(
      ReportData d, String unit, Drawing drawing, String fallbackNote, Path png)
      throws IOException {
    DefaultCategoryDataset data = drawing.data();
    if (data.getColumnCount() == 0) {
      data.addValue(null, d.labels().measure("FORBATTRAD"), "Inga livsområden kan visas");
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            "Förändring i livssituation per livsområde, "
                + d.labels().value("stadsdel", unit, null)
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
    // Room for the last tick label, "100 %", which is centred on the plot's right edge.
    chart.setPadding(new RectangleInsets(0, 0, 0, 24));
    Colours.bySeries(plot, data, d, OUTCOMES);
    int notShown = data.getRowIndex(ChartTheme.NOT_SHOWN_LABEL);
    if (notShown >= 0) {
      plot.getRenderer().setSeriesPaint(notShown, ChartTheme.NOT_SHOWN);
      plot.getRenderer().setSeriesVisibleInLegend(notShown, drawing.notShown());
    }
    List<String> notes = new ArrayList<>();
    if (fallbackNote != null) {
      notes.add(fallbackNote);
    }
    if (drawing.notShown()) {
      notes.add(
          "Ej redovisat: de utfall i ett livsområde som inte kan visas av sekretesskäl (..),"
              + " tillsammans.");
    }
    if (!drawing.omitted().isEmpty()) {
      notes.add(
          "Livsområden som inte visas av sekretesskäl (..): "
              + String.join(", ", drawing.omitted())
              + ".");
    }
    return ChartWriter.write(
        chart, notes.isEmpty() ? null : String.join(" ", notes), png, drawing.cells());
  }
}
