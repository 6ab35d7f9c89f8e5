package se.stockholm.sigstat.disclosure;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.model.ReportingPeriod;

/** The statistik table after disclosure control: the only table that leaves the process. */
public record ProtectedTable(
    List<ProtectedCell> cells,
    Map<String, ReportingPeriod> periods,
    LocalDate indelning,
    int minCell) {

  public ProtectedTable {
    cells = Collections.unmodifiableList(cells);
  }

  public long suppressedCount() {
    return cells.stream().filter(c -> c.status().isSuppressed()).count();
  }
}
