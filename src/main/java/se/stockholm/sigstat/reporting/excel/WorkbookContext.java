package se.stockholm.sigstat.reporting.excel;

import java.nio.file.Path;
import java.util.Map;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * What the sheets of one workbook share: the data, the workbook's definition and title, the
 * district it is about (null for the city and the comparison) and its rendered charts.
 */
public record WorkbookContext(
    ReportData data,
    ReportDefinition definition,
    String title,
    String district,
    Map<String, ChartImage> charts,
    Styles styles) {

  /** A rendered chart and the note under it about values left out. */
  public record ChartImage(Path png, String omittedNote) {}

  /** The district the figures are about: the workbook's district or the city. */
  public String focus() {
    return district != null ? district : data.city();
  }

  public boolean isDistrict() {
    return district != null;
  }
}
