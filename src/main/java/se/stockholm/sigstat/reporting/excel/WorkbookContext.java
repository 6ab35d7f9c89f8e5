package se.stockholm.sigstat.reporting.excel;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * What the sheets of one workbook share: the data, the workbook's definition and title, the
 * district it is about (null for the city and the comparison), its rendered charts, and the
 * protected cells its sheets have shown so far (what the Data sheet lists).
 */
public record WorkbookContext(
    ReportData data,
    ReportDefinition definition,
    String title,
    String district,
    Map<String, ChartImage> charts,
    Styles styles,
    Set<ProtectedCell> shown) {

  public WorkbookContext(
      ReportData data,
      ReportDefinition definition,
      String title,
      String district,
      Map<String, ChartImage> charts,
      Styles styles) {
    this(data, definition, title, district, charts, styles, new HashSet<>());
  }

  /**
   * A rendered chart, the note under it (values left out, what is drawn instead) and the protected
   * cells it draws, which the Data sheet lists.
   */
  public record ChartImage(Path png, String omittedNote, java.util.List<ProtectedCell> cells) {
    public ChartImage(Path png, String omittedNote) {
      this(png, omittedNote, java.util.List.of());
    }
  }

  /** The district the figures are about: the workbook's district or the city. */
  public String focus() {
    return district != null ? district : data.city();
  }

  public boolean isDistrict() {
    return district != null;
  }
}
