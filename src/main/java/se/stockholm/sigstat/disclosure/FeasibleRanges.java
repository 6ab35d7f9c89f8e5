package se.stockholm.sigstat.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import se.stockholm.sigstat.disclosure.linear.SparseRow;

/**
 * What an intruder learns from bounds, beyond linear algebra: counts are never negative, a
 * primary-suppressed count lies between 1 and k − 1, and every relation narrows the range of each
 * of its hidden figures given the ranges of the others (bound propagation to a fixed point). Two
 * primary cells of at most 4 that must add up to at least 8 are both 4; hidden parts of a total
 * that the published parts already fill are all 0. A hidden figure whose range holds one value is
 * recovered. Each relation is used as far as an intruder can rely on it ({@link RelationKind}):
 * exact ones as equalities, lines where a person can be in two parts as inequalities.
 */
final class FeasibleRanges {
  private static final double EPS = 1e-7;

  /** Visits of relations per relation before giving up on a slow (fractional) convergence. */
  private static final int MAX_VISITS_PER_RELATION = 40;

  private final double[] low;
  private final double[] high;
  private final boolean[] integral;

  private FeasibleRanges(double[] low, double[] high, boolean[] integral) {
    this.low = low;
    this.high = high;
    this.integral = integral;
  }

  /**
   * @param kinds per relation: an equality, a line (total, coefficient +1, at most the sum of the
   *     parts and at least each), or only total ≤ Σ others
   * @param known each figure's published value, NaN when hidden (or published without a number)
   * @param smallCounts hidden figures known to lie in [1, k − 1] (counts of primary cells)
   */
  static FeasibleRanges of(
      List<SparseRow> relations,
      RelationKind[] kinds,
      List<FigureKey> figures,
      double[] known,
      BitSet smallCounts,
      int k) {
    int n = figures.size();
    double[] low = new double[n];
    double[] high = new double[n];
    boolean[] integral = new boolean[n];
    for (int f = 0; f < n; f++) {
      FigureKey key = figures.get(f);
      integral[f] = key.isCount();
      if (!Double.isNaN(known[f])) {
        low[f] = known[f];
        high[f] = known[f];
      } else {
        boolean nonNegative = key.isCount() || key.field().equals("kvadratsumma");
        low[f] = nonNegative ? 0 : Double.NEGATIVE_INFINITY;
        high[f] = Double.POSITIVE_INFINITY;
        if (smallCounts.get(f)) {
          low[f] = 1;
          high[f] = k - 1;
        }
      }
    }
    // Rows: Σ a·x = 0, or Σ a·x ≤ 0 for the inequalities of inexact lines.
    List<int[]> columns = new ArrayList<>();
    List<double[]> coefficients = new ArrayList<>();
    List<Boolean> equality = new ArrayList<>();
    for (int r = 0; r < relations.size(); r++) {
      SparseRow row = relations.get(r);
      int[] cols = new int[row.size()];
      double[] a = new double[row.size()];
      int total = -1;
      for (int i = 0; i < row.size(); i++) {
        cols[i] = row.column(i);
        a[i] = row.value(i).doubleValue();
        if (a[i] > 0) {
          total = cols[i];
        }
      }
      columns.add(cols);
      coefficients.add(a);
      equality.add(kinds[r] == RelationKind.EXACT);
      if (kinds[r] == RelationKind.LINE && total >= 0) {
        for (int part : cols) {
          if (part != total) {
            columns.add(new int[] {part, total});
            coefficients.add(new double[] {1, -1});
            equality.add(false);
          }
        }
      }
    }
    List<List<Integer>> rowsOf = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      rowsOf.add(new ArrayList<>());
    }
    for (int r = 0; r < columns.size(); r++) {
      for (int f : columns.get(r)) {
        rowsOf.get(f).add(r);
      }
    }
    FeasibleRanges ranges = new FeasibleRanges(low, high, integral);
    ranges.propagate(columns, coefficients, equality, rowsOf, known);
    return ranges;
  }

  private void propagate(
      List<int[]> columns,
      List<double[]> coefficients,
      List<Boolean> equality,
      List<List<Integer>> rowsOf,
      double[] known) {
    int rows = columns.size();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    boolean[] queued = new boolean[rows];
    int[] visits = new int[rows];
    for (int r = 0; r < rows; r++) {
      queue.add(r);
      queued[r] = true;
    }
    while (!queue.isEmpty()) {
      int r = queue.poll();
      queued[r] = false;
      if (++visits[r] > MAX_VISITS_PER_RELATION) {
        continue;
      }
      int[] row = columns.get(r);
      double[] a = coefficients.get(r);
      boolean isEquality = equality.get(r);
      // Σ a·x = 0: the range of Σ over all terms, counting infinite ends separately.
      double minFinite = 0;
      double maxFinite = 0;
      int minInfinite = 0;
      int maxInfinite = 0;
      for (int i = 0; i < row.length; i++) {
        int f = row[i];
        double lo = a[i] > 0 ? a[i] * low[f] : a[i] * high[f];
        double hi = a[i] > 0 ? a[i] * high[f] : a[i] * low[f];
        if (Double.isInfinite(lo)) {
          minInfinite++;
        } else {
          minFinite += lo;
        }
        if (Double.isInfinite(hi)) {
          maxInfinite++;
        } else {
          maxFinite += hi;
        }
      }
      for (int i = 0; i < row.length; i++) {
        int f = row[i];
        if (!Double.isNaN(known[f])) {
          continue;
        }
        double lo = a[i] > 0 ? a[i] * low[f] : a[i] * high[f];
        double hi = a[i] > 0 ? a[i] * high[f] : a[i] * low[f];
        // a_i x_i = −Σ others ∈ [−max(others), −min(others)]
        double othersMax =
            maxInfinite - (Double.isInfinite(hi) ? 1 : 0) > 0
                ? Double.POSITIVE_INFINITY
                : maxFinite - (Double.isInfinite(hi) ? 0 : hi);
        double othersMin =
            minInfinite - (Double.isInfinite(lo) ? 1 : 0) > 0
                ? Double.NEGATIVE_INFINITY
                : minFinite - (Double.isInfinite(lo) ? 0 : lo);
        // An inequality Σ ≤ 0 bounds a·x from above only.
        double termLow = isEquality ? -othersMax : Double.NEGATIVE_INFINITY;
        double termHigh = -othersMin;
        double newLow = a[i] > 0 ? termLow / a[i] : termHigh / a[i];
        double newHigh = a[i] > 0 ? termHigh / a[i] : termLow / a[i];
        if (integral[f]) {
          newLow = Double.isInfinite(newLow) ? newLow : Math.ceil(newLow - EPS);
          newHigh = Double.isInfinite(newHigh) ? newHigh : Math.floor(newHigh + EPS);
        }
        boolean changed = false;
        if (newLow > low[f] + EPS) {
          low[f] = newLow;
          changed = true;
        }
        if (newHigh < high[f] - EPS) {
          high[f] = newHigh;
          changed = true;
        }
        if (changed) {
          for (int other : rowsOf.get(f)) {
            if (other != r && !queued[other]) {
              queue.add(other);
              queued[other] = true;
            }
          }
        }
      }
    }
  }

  /**
   * The figure's range holds a single value. An empty range is no recovery: relations an intruder
   * must take as exact (a person who moved counts in two districts) contradict each other there.
   */
  boolean determined(int f) {
    double width = high[f] - low[f];
    // Hours are read off rounded means: a width of a hundredth is a recovery.
    return integral[f] ? width > -0.5 && width < 0.5 : Math.abs(width) < 0.01;
  }
}
