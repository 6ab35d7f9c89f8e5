package se.stockholm.sigstat.reporting.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/**
 * Kostnad per aktuell individ per district, one panel per verksamhet (all three together when most
 * districts publish it), each sorted from highest to lowest with the city's level as a line. Where
 * a district's figure is hidden it is named in the note, never estimated.
 */
public final class CostPerParticipantChart implements ReportChart {
  private static final List<String> ACTIVITIES =
      List.of(Dimensions.ALL, "SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE");
  private static final NumberFormat KRONOR =
      NumberFormat.getIntegerInstance(Locale.forLanguageTag("sv-SE"));

  @Override
  public String name() {
    return "cost-per-participant";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    String year = d.yearPeriod().code();
    NumberAxis axis = new NumberAxis("Kronor per aktuell individ");
    axis.setNumberFormatOverride(KRONOR);
    CombinedRangeCategoryPlot combined = new CombinedRangeCategoryPlot(axis);
    combined.setGap(24);
    List<ProtectedCell> drawn = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (String activity : ACTIVITIES) {
      String activityName = d.labels().value("verksamhet", activity, null);
      List<String[]> bars = new ArrayList<>();
      List<String> hidden = new ArrayList<>();
      for (String district : d.districts()) {
        if (district.equals(d.city())) {
          continue;
        }
        ProtectedCell c = cell(d, year, district, activity);
        String name = d.labels().value("stadsdel", district, null);
        if (c == null) {
          continue;
        }
        if (c.status().isSuppressed() || c.value() == null) {
          hidden.add(name);
        } else {
          drawn.add(c);
          bars.add(new String[] {name, Double.toString(c.value())});
        }
      }
      // A panel where most districts are hidden would mislead more than inform: the table has it.
      if (bars.size() <= hidden.size()) {
        left.add(activityName.toLowerCase(Locale.ROOT));
        continue;
      }
      bars.sort(Comparator.comparingDouble((String[] x) -> -Double.parseDouble(x[1])));
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      for (String[] bar : bars) {
        data.addValue(Double.parseDouble(bar[1]), activityName, bar[0]);
      }
      CategoryAxis domain = new CategoryAxis(activityName);
      domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      CategoryPlot plot = new CategoryPlot(data, domain, null, new BarRenderer());
      ProtectedCell city = cell(d, year, d.city(), activity);
      if (city != null && city.value() != null && !city.status().isSuppressed()) {
        drawn.add(city);
        ValueMarker marker =
            new ValueMarker(city.value(), new Color(0xD5, 0x5E, 0x00), new BasicStroke(4f));
        marker.setLabel("Staden: " + KRONOR.format(Math.round(city.value())) + " kr");
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        marker.setLabelPaint(new Color(0xA0, 0x40, 0x00));
        marker.setLabelBackgroundColor(Color.WHITE);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(marker);
      }
      combined.add(plot, 1);
      if (!hidden.isEmpty()) {
        notes.add(
            activityName
                + ": visas inte av sekretesskäl (..) i "
                + String.join(", ", hidden)
                + ".");
      }
    }
    if (combined.getSubplots().isEmpty()) {
      return null;
    }
    JFreeChart chart =
        new JFreeChart(
            "Kostnad per aktuell individ per stadsdel och verksamhet, "
                + d.labels().period(d.yearPeriod()),
            JFreeChart.DEFAULT_TITLE_FONT,
            combined,
            false);
    ChartTheme.apply(chart);
    // The theme resets colours and bar painters: the chart's own come after it.
    for (Object p : combined.getSubplots()) {
      CategoryPlot plot = (CategoryPlot) p;
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      BarRenderer r = (BarRenderer) plot.getRenderer();
      r.setSeriesPaint(0, ChartTheme.COLOURS.get("M"));
      r.setShadowVisible(false);
      r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    }
    notes.add(0, "Sorterat från högsta till lägsta kostnad. Linjen: stadens nivå.");
    if (!left.isEmpty()) {
      notes.add(
          "Kostnad per aktuell för "
              + String.join(" och ", left)
              + " visas bara i tabellen: den är dold av sekretesskäl i de flesta stadsdelar.");
    }
    return ChartWriter.write(chart, String.join(" ", notes), png, drawn);
  }

  private static ProtectedCell cell(ReportData d, String year, String district, String activity) {
    return d.cell(
            new CellKey(
                year,
                "KOSTNAD_PER_AKTUELL",
                Dimensions.NO_CATEGORY,
                district,
                activity,
                Dimensions.ALL,
                Dimensions.ALL))
        .orElse(null);
  }
}
