package se.stockholm.sigstat.reporting.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/**
 * Aktuella individer per quarter of the look-back, one line per kön where kön is published (the
 * city), else the total (a district: kön per quarter is not published). The running quarter is
 * drawn dashed (preliminary), and a change of district structure that concerns the figures is a
 * vertical line.
 */
public final class TrendChart implements ReportChart {
  @Override
  public String name() {
    return "trend";
  }

  @Override
  public WorkbookContext.ChartImage render(ReportData d, String focus, Path png)
      throws IOException {
    List<ReportingPeriod> quarters = d.trendPeriods();
    if (quarters.isEmpty()) {
      return null;
    }
    List<String> genders = new ArrayList<>();
    for (String g : List.of("K", "M", "OVRIGT")) {
      boolean published =
          quarters.stream()
              .map(q -> cell(d, q, focus, g))
              .anyMatch(c -> c != null && !c.status().isSuppressed());
      if (published) {
        genders.add(g);
      }
    }
    boolean byGender = !genders.isEmpty();
    if (!byGender) {
      genders.add(Dimensions.ALL);
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<ProtectedCell> drawn = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    boolean anyPreliminary = false;
    // A second, dashed series per kön carries the step into the preliminary quarter.
    for (String g : genders) {
      String series = d.labels().value("kon", g, null);
      String dashed = series + " (preliminär)";
      for (int i = 0; i < quarters.size(); i++) {
        ReportingPeriod q = quarters.get(i);
        ProtectedCell c = cell(d, q, focus, g);
        String label = d.labels().period(q);
        Double v = null;
        if (c != null) {
          drawn.add(c);
          if (c.status().isSuppressed()) {
            omitted.add(label + " " + series.toLowerCase());
          } else {
            v = c.value();
          }
        }
        boolean nextPreliminary = i + 1 < quarters.size() && quarters.get(i + 1).preliminary();
        data.addValue(q.preliminary() ? null : v, series, label);
        data.addValue(q.preliminary() || nextPreliminary ? v : null, dashed, label);
        anyPreliminary |= q.preliminary();
      }
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            "Aktuella individer per kvartal"
                + (byGender ? " och kön, " : ", ")
                + d.labels().value("stadsdel", focus, null),
            "Kvartal",
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
    LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
    for (String g : genders) {
      String series = d.labels().value("kon", g, null);
      int solid = data.getRowIndex(series);
      int dashed = data.getRowIndex(series + " (preliminär)");
      Color colour = (Color) ChartTheme.COLOURS.get(g);
      renderer.setSeriesPaint(solid, colour);
      renderer.setSeriesPaint(dashed, colour);
      renderer.setSeriesStroke(solid, new BasicStroke(3f));
      renderer.setSeriesStroke(
          dashed,
          new BasicStroke(
              3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
      renderer.setSeriesShapesVisible(dashed, true);
      renderer.setSeriesVisibleInLegend(dashed, false);
    }
    List<String> notes = new ArrayList<>();
    for (LocalDate change : structureChanges(d, focus, quarters)) {
      ReportingPeriod q =
          quarters.stream().filter(p -> !p.start().isBefore(change)).findFirst().orElse(null);
      if (q == null) {
        continue;
      }
      CategoryMarker marker =
          new CategoryMarker(
              d.labels().period(q), new Color(0x55, 0x55, 0x55), new BasicStroke(2f));
      marker.setDrawAsLine(true);
      marker.setLabel("Ny stadsdelsindelning " + change);
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
      marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      plot.addDomainMarker(marker);
      notes.add(
          "Lodrät linje: ny stadsdelsindelning den "
              + change
              + "; tidigare stadsdelar redovisas under sina efterträdare, men arbetssätt och"
              + " registrering kan ha ändrats.");
    }
    if (anyPreliminary) {
      notes.add(
          "Streckad linje: preliminärt kvartal, uppgifter t.o.m. "
              + d.dataAsOf()
              + " (kvartalet är inte slut).");
    }
    if (!byGender) {
      notes.add("Antal per kön och kvartal redovisas bara för hela staden; här visas totalen.");
    }
    String omittedNote = ChartTheme.omittedNote(omitted);
    if (omittedNote != null) {
      notes.add(omittedNote);
    }
    return ChartWriter.write(chart, notes.isEmpty() ? null : String.join(" ", notes), png, drawn);
  }

  private static ProtectedCell cell(ReportData d, ReportingPeriod q, String focus, String g) {
    return d.cell(
            new CellKey(
                q.code(),
                "AKTUELLA",
                Dimensions.NO_CATEGORY,
                focus,
                Dimensions.ALL,
                g,
                Dimensions.ALL))
        .orElse(null);
  }

  /**
   * Dates within the trend when the district structure changed in a way that concerns the focus:
   * for the city every change, for a district the day it was formed from others.
   */
  static Set<LocalDate> structureChanges(
      ReportData d, String focus, List<ReportingPeriod> quarters) {
    LocalDate first = quarters.get(0).start();
    LocalDate last = quarters.get(quarters.size() - 1).end();
    Set<LocalDate> dates = new TreeSet<>();
    for (District x : d.model().districts().all()) {
      if (x.successor() == null || x.validTo() == null) {
        continue;
      }
      LocalDate change = x.validTo().plusDays(1);
      if (change.isAfter(first)
          && !change.isAfter(last)
          && (focus.equals(d.city()) || x.successor().equals(focus))) {
        dates.add(change);
      }
    }
    return dates;
  }
}
