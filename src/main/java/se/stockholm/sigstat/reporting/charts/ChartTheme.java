package se.stockholm.sigstat.reporting.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Fonts and colours of every chart: a font with å ä ö, and the colour-blind-safe Okabe–Ito palette
 * with one fixed colour per kön in every chart.
 */
public final class ChartTheme {
  /** Kön code (and the outcome codes) to colour; the same in every chart. */
  public static final Map<String, Color> COLOURS =
      Map.of(
          "K", new Color(0xE6, 0x9F, 0x00),
          "M", new Color(0x00, 0x72, 0xB2),
          "OVRIGT", new Color(0x00, 0x9E, 0x73),
          "ALLA", new Color(0x55, 0x55, 0x55),
          "FORBATTRAD", new Color(0x00, 0x9E, 0x73),
          "OFORANDRAD", new Color(0xBB, 0xBB, 0xBB),
          "FORSAMRAD", new Color(0xD5, 0x5E, 0x00));

  private static final String FAMILY = pickFamily();

  private ChartTheme() {}

  private static String pickFamily() {
    List<String> available =
        Arrays.asList(
            GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    return available.contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
  }

  public static void apply(JFreeChart chart) {
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    // Sized for a 1400-pixel chart printed across an A4 landscape page.
    theme.setExtraLargeFont(new Font(FAMILY, Font.BOLD, 26));
    theme.setLargeFont(new Font(FAMILY, Font.BOLD, 20));
    theme.setRegularFont(new Font(FAMILY, Font.PLAIN, 18));
    theme.setSmallFont(new Font(FAMILY, Font.PLAIN, 16));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    theme.apply(chart);
  }

  /** The part of a bar that cannot be shown: light grey, hatched, in every chart. */
  public static final java.awt.Paint NOT_SHOWN = hatched();

  /** Label of the part of a bar that cannot be shown. */
  public static final String NOT_SHOWN_LABEL = "Ej redovisat";

  private static java.awt.Paint hatched() {
    java.awt.image.BufferedImage tile =
        new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = tile.createGraphics();
    g.setColor(new Color(0xEE, 0xEE, 0xEE));
    g.fillRect(0, 0, 8, 8);
    g.setColor(new Color(0x99, 0x99, 0x99));
    g.drawLine(0, 8, 8, 0);
    g.dispose();
    return new java.awt.TexturePaint(tile, new java.awt.Rectangle(0, 0, 8, 8));
  }

  /** The note under a chart naming every value left out, or null if none were. */
  public static String omittedNote(List<String> omitted) {
    if (omitted.isEmpty()) {
      return null;
    }
    return "Visas inte av sekretesskäl (..): " + String.join(", ", omitted) + ".";
  }

  /** Swedish number format on a category chart's value axis: "1 500", "0,5". */
  public static void swedishAxis(org.jfree.chart.plot.CategoryPlot plot) {
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis())
        .setNumberFormatOverride(
            java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("sv-SE")));
  }

  public static void addNote(JFreeChart chart, String note) {
    if (note != null) {
      // A title wraps to the chart's width, so a long note is never cut off.
      TextTitle t = new TextTitle(note, new Font(FAMILY, Font.ITALIC, 17));
      t.setMaximumLinesToDisplay(6);
      t.setPosition(RectangleEdge.BOTTOM);
      t.setHorizontalAlignment(HorizontalAlignment.LEFT);
      chart.addSubtitle(t);
    }
  }
}
