package se.stockholm.sigstat.reporting.charts;

import java.io.IOException;
import java.nio.file.Path;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;

/** One chart type: draws its figures for the workbook's district (or the city) to a PNG. */
public interface ReportChart {
  /** The chart's name in report definitions. */
  String name();

  /** Renders the chart, or returns null when there is nothing to draw. */
  WorkbookContext.ChartImage render(ReportData data, String focus, Path png) throws IOException;
}
