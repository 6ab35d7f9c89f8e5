package se.stockholm.sigstat.aggregation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * The unprotected statistik table, collected from Spark: every cell of the published tables in
 * reporting order, with the periods (which of them are report periods) and the district structure
 * it was computed for. It never leaves the process.
 */
public record AggregatedTable(
    List<Cell> cells,
    Map<String, ReportingPeriod> periods,
    List<String> reportPeriods,
    LocalDate indelning) {

  public AggregatedTable {
    cells = Collections.unmodifiableList(cells);
    reportPeriods = List.copyOf(reportPeriods);
  }
}
