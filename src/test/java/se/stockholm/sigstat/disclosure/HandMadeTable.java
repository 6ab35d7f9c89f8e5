package se.stockholm.sigstat.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import se.stockholm.sigstat.aggregation.AggregatedTable;
import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Intervals;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * A small statistik table written by hand: cells with their true values, to protect, or to publish
 * with a suppression pattern chosen by the test (as an older rule would have).
 */
final class HandMadeTable {
  private final Map<String, ReportingPeriod> periods = new LinkedHashMap<>();
  private final List<String> reportPeriods = new ArrayList<>();
  private final Map<CellKey, Cell> cells = new LinkedHashMap<>();
  private String period;
  private String district = "STHLM";
  private String activity = "ALLA";
  private String gender = "ALLA";

  HandMadeTable reportPeriod(String code) {
    ReportingPeriod p = ReportingPeriod.parse(code);
    periods.put(p.code(), p);
    reportPeriods.add(p.code());
    period = p.code();
    return this;
  }

  HandMadeTable trendPeriod(String code) {
    ReportingPeriod p = ReportingPeriod.parse(code);
    periods.put(p.code(), p);
    period = p.code();
    return this;
  }

  /** Coordinates of the cells added next (age is always ALLA). */
  HandMadeTable at(String district, String activity, String gender) {
    this.district = district;
    this.activity = activity;
    this.gender = gender;
    return this;
  }

  CellKey key(String measure, String category) {
    return new CellKey(period, measure, category, district, activity, gender, "ALLA");
  }

  HandMadeTable count(String measure, double value) {
    return count(measure, "", value);
  }

  HandMadeTable count(String measure, String category, double value) {
    put(new Cell(key(measure, category), value, null, null));
    return this;
  }

  HandMadeTable share(String measure, String category, double t, double n) {
    double[] w = Intervals.wilson(t, n);
    put(Cell.finished(key(measure, category), t / n, t, n, w[0], w[1]));
    return this;
  }

  /** A share without an interval (exit reasons, insatser). */
  HandMadeTable plainShare(String measure, String category, double t, double n) {
    put(Cell.finished(key(measure, category), t / n, t, n, null, null));
    return this;
  }

  HandMadeTable derived(String measure, String category, double value, Double t, Double n) {
    put(Cell.finished(key(measure, category), value, t, n, null, null));
    return this;
  }

  /** The mean of the changes with its 95 % t-interval, as the aggregation publishes it. */
  HandMadeTable mean(String category, int... changes) {
    int n = changes.length;
    double sum = 0;
    double squares = 0;
    for (int c : changes) {
      sum += c;
      squares += c * c;
    }
    double mean = sum / n;
    double sd = Math.sqrt((squares - n * mean * mean) / (n - 1));
    double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    put(
        Cell.finished(
            key("FORANDRING_MEDEL", category), mean, null, (double) n, mean - half, mean + half));
    return this;
  }

  private void put(Cell c) {
    cells.put(c.key(), c);
  }

  AggregatedTable table() {
    return new AggregatedTable(
        new ArrayList<>(cells.values()), periods, reportPeriods, LocalDate.of(2026, 11, 24));
  }

  /** The table published with the given suppressions and everything else shown. */
  ProtectedTable published(Map<CellKey, CellStatus> suppressed) {
    List<ProtectedCell> out = new ArrayList<>();
    for (Cell c : cells.values()) {
      CellStatus s = suppressed.get(c.key());
      out.add(
          ProtectedCell.of(
              c,
              s != null
                  ? s
                  : c.value() != null && c.value() == 0 ? CellStatus.ZERO : CellStatus.SAFE));
    }
    return new ProtectedTable(out, periods, LocalDate.of(2026, 11, 24), 5);
  }
}
