package se.stockholm.sigstat.reporting.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/** Kostnad per aktuell individ per district, with the city's level as a line. */
public final class CostPerParticipantChart implements ReportChart {
  @Override
  public String name() {
    return "cost-per-participant";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    String year = d.yearPeriod().code();
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<String> omitted = new ArrayList<>();
    for (String district : d.grid().districts()) {
      if (district.equals(d.city())) {
        continue;
      }
      ProtectedCell c = cell(d, year, district);
      String name = d.labels().value("stadsdel", district, null);
      if (c != null && c.status().isSuppressed()) {
        omitted.add(name);
      } else if (c != null && c.value() != null) {
        data.addValue(c.value(), "Kostnad per aktuell individ", name);
      }
    }
    if (data.getColumnCount() == 0) {
      return null;
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Kostnad per aktuell individ per stadsdel, " + d.labels().period(d.yearPeriod()),
            null,
            "Kronor per individ",
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    ChartTheme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    plot.getRenderer().setSeriesPaint(0, ChartTheme.COLOURS.get("M"));
    ProtectedCell city = cell(d, year, d.city());
    if (city != null && city.value() != null && !city.status().isSuppressed()) {
      ValueMarker marker =
          new ValueMarker(city.value(), new Color(0xD5, 0x5E, 0x00), new BasicStroke(3f));
      marker.setLabel(String.format("Staden: %,.0f kr", city.value()));
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(marker);
    }
    return ChartWriter.write(chart, ChartTheme.omittedNote(omitted), png);
  }

  private static ProtectedCell cell(ReportData d, String year, String district) {
    return d.cell(
            new CellKey(
                year,
                "KOSTNAD_PER_AKTUELL",
                Dimensions.NO_CATEGORY,
                district,
                Dimensions.ALL,
                Dimensions.ALL,
                Dimensions.ALL))
        .orElse(null);
  }
}
