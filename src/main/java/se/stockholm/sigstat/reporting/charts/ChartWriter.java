package se.stockholm.sigstat.reporting.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/**
 * Renders a chart headless to PNG at print size, written beside its target and renamed. Charts
 * apply {@link ChartTheme} themselves, before their own colours (the theme resets them).
 */
public final class ChartWriter {
  /** Pixels: wide enough for print at A4 landscape. */
  public static final int WIDTH = 1400;

  public static final int HEIGHT = 800;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartWriter() {}

  public static WorkbookContext.ChartImage write(JFreeChart chart, String note, Path png)
      throws IOException {
    return write(chart, note, png, java.util.List.of());
  }

  /**
   * Writes the chart; {@code cells} are the protected cells it draws (listed on the Data sheet).
   */
  public static WorkbookContext.ChartImage write(
      JFreeChart chart,
      String note,
      Path png,
      java.util.List<se.stockholm.sigstat.disclosure.ProtectedCell> cells)
      throws IOException {
    ChartTheme.addNote(chart, note);
    Files.createDirectories(png.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(png.toAbsolutePath().getParent(), ".chart", ".png.tmp");
    try {
      ChartUtils.saveChartAsPNG(tmp.toFile(), chart, WIDTH, HEIGHT);
      AtomicFiles.move(tmp, png);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new WorkbookContext.ChartImage(png, note, java.util.List.copyOf(cells));
  }
}
