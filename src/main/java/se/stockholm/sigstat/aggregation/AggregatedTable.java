package se.stockholm.sigstat.aggregation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * The unprotected statistik table, collected from Spark: every cell in reporting order with the
 * periods and the district structure it was computed for. It never leaves the process.
 */
public record AggregatedTable(
    List<Cell> cells, Map<String, ReportingPeriod> periods, LocalDate indelning) {

  public AggregatedTable {
    cells = Collections.unmodifiableList(cells);
  }
}
