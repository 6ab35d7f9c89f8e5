package se.stockholm.sigstat.reporting.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/**
 * Aktuella individer per district, stacked by kön. Where the district's total is published the bar
 * is as tall as the total, and the part that cannot be shown by kön is drawn as "Ej redovisat" (the
 * published total less the published parts: nothing a reader could not compute from the table).
 * Where the total itself is hidden the district is marked and the note says the bar is shorter.
 */
public final class ParticipantsByDistrictChart implements ReportChart {
  private static final List<String> PARTS = List.of("K", "M", "OVRIGT");

  @Override
  public String name() {
    return "participants-by-district";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    Bars bars = bars(d);
    return draw(d, bars, png);
  }

  /** The bars of the chart: per district, kön and Ej redovisat; and what the notes must say. */
  record Bars(
      DefaultCategoryDataset data,
      List<ProtectedCell> drawn,
      List<String> totalHidden,
      boolean anyNotShown) {}

  static Bars bars(ReportData d) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<ProtectedCell> drawn = new ArrayList<>();
    List<String> totalHidden = new ArrayList<>();
    boolean anyNotShown = false;
    for (String district : d.districts()) {
      if (district.equals(d.city())) {
        continue;
      }
      ProtectedCell total =
          d.cell("AKTUELLA", "", district, Dimensions.ALL, Dimensions.ALL, Dimensions.ALL)
              .orElse(null);
      boolean totalShown = total != null && !total.status().isSuppressed();
      boolean totalSuppressed = total != null && total.status().isSuppressed();
      String name = d.labels().value("stadsdel", district, null) + (totalSuppressed ? " *" : "");
      if (totalSuppressed) {
        totalHidden.add(d.labels().value("stadsdel", district, null));
      }
      double parts = 0;
      for (String g : PARTS) {
        ProtectedCell c =
            d.cell("AKTUELLA", "", district, Dimensions.ALL, g, Dimensions.ALL).orElse(null);
        String series = d.labels().value("kon", g, null);
        double v = c == null || c.status().isSuppressed() || c.value() == null ? 0 : c.value();
        if (c != null) {
          drawn.add(c);
        }
        parts += v;
        data.addValue(v, series, name);
      }
      double notShown = 0;
      if (totalShown) {
        drawn.add(total);
        // Persons are counted once per district, so the parts never exceed the total; a negative
        // gap could only come from a damaged table and is not drawn.
        notShown = Math.max(0, (total.value() == null ? 0 : total.value()) - parts);
      }
      anyNotShown |= notShown > 0;
      data.addValue(notShown, ChartTheme.NOT_SHOWN_LABEL, name);
    }
    return new Bars(data, drawn, totalHidden, anyNotShown);
  }

  private static WorkbookContext.ChartImage draw(ReportData d, Bars bars, Path png)
      throws IOException {
    DefaultCategoryDataset data = bars.data();
    boolean anyNotShown = bars.anyNotShown();
    List<String> totalHidden = bars.totalHidden();
    List<ProtectedCell> drawn = bars.drawn();
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            "Aktuella individer per stadsdel och kön, " + d.labels().period(d.period()),
            null,
            "Antal individer",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartTheme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    ChartTheme.swedishAxis(plot);
    Colours.bySeries(plot, data, d, PARTS);
    int notShownSeries = data.getRowIndex(ChartTheme.NOT_SHOWN_LABEL);
    plot.getRenderer().setSeriesPaint(notShownSeries, ChartTheme.NOT_SHOWN);
    plot.getRenderer().setSeriesVisibleInLegend(notShownSeries, anyNotShown);
    List<String> notes = new ArrayList<>();
    if (anyNotShown) {
      notes.add(
          "Ej redovisat: den del av stadsdelens antal som inte kan visas per kön av"
              + " sekretesskäl (..); stapelns höjd är stadsdelens totala antal.");
    }
    if (!totalHidden.isEmpty()) {
      notes.add(
          "* Totalen visas inte av sekretesskäl (..) i "
              + String.join(", ", totalHidden)
              + ": stapeln visar bara de kön som redovisas och är lägre än det verkliga antalet.");
    }
    return ChartWriter.write(chart, notes.isEmpty() ? null : String.join(" ", notes), png, drawn);
  }
}
