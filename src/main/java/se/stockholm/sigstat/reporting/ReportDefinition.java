package se.stockholm.sigstat.reporting;

import java.util.List;
import java.util.Map;

/** One workbook as declared in reports/*.yaml: file name pattern, title, scope and sheets. */
public record ReportDefinition(String file, String title, Scope scope, List<Sheet> sheets) {

  /** Whose figures a workbook shows. */
  public enum Scope {
    CITY,
    DISTRICT,
    COMPARISON
  }

  /** One sheet: its type, name, table blocks, measures and charts. */
  public record Sheet(
      String type, String name, List<Block> blocks, List<String> measures, List<String> charts) {
    public Sheet {
      blocks = blocks == null ? List.of() : blocks;
      measures = measures == null ? List.of() : measures;
      charts = charts == null ? List.of() : charts;
    }
  }

  /**
   * A table: one measure (or several, on rows or columns as "matt") with a dimension on rows and on
   * columns, repeated for each value of {@code per}; {@code fixed} pins other dimensions.
   */
  public record Block(
      String measure,
      List<String> measures,
      String field,
      String title,
      String rows,
      String columns,
      String per,
      Map<String, String> fixed,
      List<String> intervals) {
    public Block {
      measures = measures == null ? (measure == null ? List.of() : List.of(measure)) : measures;
      field = field == null ? "varde" : field;
      fixed = fixed == null ? Map.of() : fixed;
      intervals = intervals == null ? List.of() : intervals;
    }
  }
}
