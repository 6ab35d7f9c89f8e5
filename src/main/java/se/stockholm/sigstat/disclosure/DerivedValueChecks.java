package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Intervals;
import se.stockholm.sigstat.disclosure.linear.Rational;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.MeasureKind;

/**
 * Checks every published derived value against the counts it stands on: a share is taljare /
 * namnare with its Wilson interval; a share's or mean's denominator is the count it reveals; a rate
 * per 10 000 is the count over the population; a cost or hours per person is taljare / namnare; a
 * mean lies in its interval; a p-value in [0, 1]; quartiles are in order.
 */
final class DerivedValueChecks {
  /** The rate measure whose namnare is the population, not the count it reveals. */
  private static final String RATE = "AKTUELLA_PER_10000";

  private DerivedValueChecks() {}

  static List<String> check(
      List<ProtectedCell> cells, LinkedTables linked, Rational[] values, FollowUpModel model) {
    List<String> findings = new ArrayList<>();
    Map<CellKey, Double> quartiles = new HashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      ProtectedCell cell = cells.get(c);
      if (cell.status().isSuppressed() || cell.status() == CellStatus.EMPTY) {
        continue;
      }
      Measure m = model.measure(cell.key().measure());
      Double revealed = firstRevealed(c, linked, values, m);
      String where = DisclosureAudit.describe(cell.key());
      Double t = cell.numerator();
      Double n = cell.denominator();
      Double v = cell.value();
      if (m.kind() == MeasureKind.SHARE && t != null && n != null && v != null && n > 0) {
        expect(findings, v, t / n, "andel ≠ täljare/nämnare", where);
        if (cell.low() != null && cell.high() != null) {
          double[] w = Intervals.wilson(t, n);
          expect(findings, cell.low(), w[0], "Wilson-intervallets nedre gräns", where);
          expect(findings, cell.high(), w[1], "Wilson-intervallets övre gräns", where);
        }
        Double base = m.counts().contains("namnare") ? t : n;
        if (revealed != null && base != null) {
          expect(findings, base, revealed, "nämnaren stämmer inte med sitt antal", where);
        }
      }
      if (m.kind() == MeasureKind.DERIVED && v != null) {
        if (m.code().equals(RATE)) {
          if (revealed != null && n != null && n > 0) {
            expect(findings, v, revealed / n * 10_000, "andel per 10 000 invånare", where);
          }
        } else if (revealed != null && n != null) {
          expect(findings, n, revealed, "nämnaren stämmer inte med sitt antal", where);
        }
        if (t != null && n != null && n > 0 && !m.code().equals(RATE)) {
          expect(findings, v, t / n, "värdet ≠ täljare/nämnare", where);
        }
        if (cell.low() != null && cell.high() != null && (v < cell.low() || v > cell.high())) {
          findings.add("värdet ligger utanför sitt intervall: " + where);
        }
        if (m.unit().equals("p-värde") && (v < 0 || v > 1)) {
          findings.add("p-värdet ligger utanför [0, 1]: " + where);
        }
        if (m.code().startsWith("VARDTID_")) {
          quartiles.put(cell.key(), v);
        }
      }
    }
    quartiles.forEach(
        (k, median) -> {
          if (!k.measure().equals("VARDTID_MEDIAN")) {
            return;
          }
          Double q1 = quartiles.get(k.withMeasure("VARDTID_Q1", k.category()));
          Double q3 = quartiles.get(k.withMeasure("VARDTID_Q3", k.category()));
          if (q1 != null && q1 > median || q3 != null && q3 < median) {
            findings.add("kvartilerna är inte i ordning: " + DisclosureAudit.describe(k));
          }
        });
    return findings;
  }

  /** The value of the first figure the measure reveals besides its own counts, if published. */
  private static Double firstRevealed(int c, LinkedTables linked, Rational[] values, Measure m) {
    if (m.reveals().isEmpty()) {
      return null;
    }
    int[] own = linked.own(c);
    for (int f : linked.revealed(c)) {
      boolean isOwn = false;
      for (int o : own) {
        isOwn |= o == f;
      }
      if (!isOwn && linked.figures().get(f).isCount()) {
        return values[f] == null ? null : values[f].doubleValue();
      }
    }
    return null;
  }

  private static void expect(
      List<String> findings, double actual, double expected, String what, String where) {
    if (Math.abs(actual - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
      findings.add(what + " (" + actual + " ≠ " + expected + "): " + where);
    }
  }
}
