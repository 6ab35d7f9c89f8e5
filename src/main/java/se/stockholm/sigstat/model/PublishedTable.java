package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.util.List;

/**
 * One published table of data-schema/tables.yaml: measures broken down by some dimensions (each
 * with its total), the others at their totals, for the report periods or for every period.
 */
public record PublishedTable(
    String id, String label, List<String> measures, List<String> breakdown, Periods periods)
    implements Serializable {

  /** Which periods of a run the table is published for. */
  public enum Periods {
    /** The report periods. */
    REPORT,
    /** The report periods that are calendar years. */
    REPORT_YEARS,
    /** The report periods and every quarter and year of the trend series. */
    ALL
  }

  public PublishedTable {
    measures = List.copyOf(measures);
    breakdown = List.copyOf(breakdown);
  }

  public boolean publishes(String measure) {
    return measures.contains(measure);
  }

  /** True when the table is published for the trend series too, not only the report periods. */
  public boolean coversTrend() {
    return periods == Periods.ALL;
  }

  /** True when the table is published for this period of a run. */
  public boolean covers(ReportingPeriod p, boolean isReportPeriod) {
    return switch (periods) {
      case ALL -> true;
      case REPORT -> isReportPeriod;
      case REPORT_YEARS -> isReportPeriod && p.kind() == ReportingPeriod.Kind.YEAR;
    };
  }
}
