package se.stockholm.sigstat.disclosure.linear;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an intruder can solve, kept up to date while quantities become known one by one. Holds the
 * relations in reduced row echelon form over the unknown quantities: a row whose only unknown is
 * its pivot says that pivot can be computed. Making a quantity known deletes its column: if it was
 * a pivot, its row takes a new pivot (the unknown in fewest other rows, so the elimination stays
 * small) and that pivot is eliminated from the other rows. A change that would let a protected
 * quantity be computed is refused (checked exactly before anything changes, and rolled back when
 * one of several quantities is refused), so the caller can try quantities in order of importance
 * and keep only the changes that are safe: Statistics Norway's GaussSuppression, over relations.
 */
public final class IncrementalSolver {
  private final List<SparseRow> rows = new ArrayList<>();
  private final List<Integer> pivotOf = new ArrayList<>();
  private final List<Integer> unknownCount = new ArrayList<>();
  private final Map<Integer, Integer> rowOfPivot = new HashMap<>();
  private final Map<Integer, Set<Integer>> rowsOf = new HashMap<>();
  private final BitSet unknown;
  private final BitSet protectedQuantities;
  private final int[] keepUnknownRank;
  private final Deque<Runnable> undo = new ArrayDeque<>();
  private boolean recording;

  /**
   * @param relations each says Σ coefficient × quantity = 0
   * @param unknown the quantities not yet known (copied)
   * @param protectedQuantities the quantities that must never become computable
   * @param keepUnknownRank per quantity, how long it is expected to stay unknown (higher: longer):
   *     the preferred pivots, so that later changes rarely touch a pivot
   */
  public IncrementalSolver(
      List<SparseRow> relations,
      BitSet unknown,
      BitSet protectedQuantities,
      int[] keepUnknownRank) {
    this.unknown = (BitSet) unknown.clone();
    this.protectedQuantities = protectedQuantities;
    this.keepUnknownRank = keepUnknownRank;
    for (SparseRow r : relations) {
      addRelation(r);
    }
  }

  /**
   * Makes the quantities known unless that lets a protected quantity be computed; then nothing
   * changes and the answer is false.
   */
  public boolean tryMakeKnown(int[] quantities) {
    for (int q : quantities) {
      if (unknown.get(q) && protectedQuantities.get(q)) {
        return false;
      }
    }
    undo.clear();
    recording = true;
    try {
      for (int q : quantities) {
        if (unknown.get(q) && !makeKnown(q)) {
          while (!undo.isEmpty()) {
            undo.pop().run();
          }
          return false;
        }
      }
      return true;
    } finally {
      recording = false;
      undo.clear();
    }
  }

  /** Adds a relation, reduced by the existing pivots (whose rows hold no other pivot). */
  private void addRelation(SparseRow r) {
    SparseRow reduced = r;
    List<Integer> pivotsIn = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      int c = r.column(i);
      if (unknown.get(c) && rowOfPivot.containsKey(c)) {
        pivotsIn.add(c);
      }
    }
    for (int p : pivotsIn) {
      Rational f = reduced.get(p);
      if (!f.isZero()) {
        reduced = reduced.plus(f.negate(), rows.get(rowOfPivot.get(p)));
      }
    }
    int pivot = choosePivot(reduced, -1);
    if (pivot < 0) {
      return; // a relation among known quantities only
    }
    int index = rows.size();
    rows.add(null);
    pivotOf.add(-1);
    unknownCount.add(0);
    install(index, reduced.scale(Rational.ONE.divide(reduced.get(pivot))), pivot);
    eliminateElsewhere(index, pivot);
  }

  /**
   * Deletes column q (q becomes known), unless that lets a protected quantity be computed. Every
   * check is exact and made before anything changes. In reduced row echelon form:
   *
   * <ul>
   *   <li>if q is not a pivot, only the rows holding q lose an unknown, and a quantity becomes
   *       computable exactly when such a row is left with its pivot alone;
   *   <li>if q is the pivot of row r, no other row holds q, so only r changes: it keeps its other
   *       unknowns r'. A quantity x becomes computable exactly when r' = {x}, or when x is the
   *       pivot of a row whose other unknowns are a multiple of r'.
   * </ul>
   */
  private boolean makeKnown(int q) {
    Integer own = rowOfPivot.get(q);
    if (own == null) {
      Set<Integer> holding = rowsOf.getOrDefault(q, Set.of());
      for (int r : holding) {
        if (unknownCount.get(r) == 2 && protectedQuantities.get(pivotOf.get(r))) {
          return false;
        }
      }
      set(unknown, q, false);
      for (int r : new ArrayList<>(holding)) {
        setCount(r, unknownCount.get(r) - 1);
      }
      return true;
    }
    SparseRow row = rows.get(own);
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      int c = row.column(i);
      if (c != q && unknown.get(c)) {
        rest.add(c);
      }
    }
    if (rest.size() == 1 && protectedQuantities.get(rest.get(0))) {
      return false;
    }
    if (!rest.isEmpty() && someProtectedRowIsAMultipleOf(row, rest, own)) {
      return false;
    }
    set(unknown, q, false);
    if (rest.isEmpty()) {
      remove(own); // q was computable already; its row now relates known quantities only
      return true;
    }
    int next = sparsest(rest);
    replace(own, row.scale(Rational.ONE.divide(row.get(next))), next);
    eliminateElsewhere(own, next);
    return true;
  }

  /**
   * Whether a row with a protected pivot has exactly {@code rest} as its other unknowns, in
   * proportion.
   */
  private boolean someProtectedRowIsAMultipleOf(SparseRow row, List<Integer> rest, int own) {
    int rarest = rest.get(0);
    for (int c : rest) {
      if (holders(c) < holders(rarest)) {
        rarest = c;
      }
    }
    Rational base = row.get(rarest);
    for (int i : rowsOf.getOrDefault(rarest, Set.of())) {
      if (i == own
          || unknownCount.get(i) - 1 != rest.size()
          || !protectedQuantities.get(pivotOf.get(i))) {
        continue;
      }
      SparseRow other = rows.get(i);
      Rational ratio = other.get(rarest).divide(base);
      boolean multiple = true;
      for (int c : rest) {
        if (!other.get(c).equals(row.get(c).multiply(ratio))) {
          multiple = false;
          break;
        }
      }
      if (multiple) {
        return true;
      }
    }
    return false;
  }

  /** The column held by the fewest rows (least elimination), then the one kept unknown longest. */
  private int sparsest(List<Integer> columns) {
    int best = columns.get(0);
    for (int c : columns) {
      int h = holders(c);
      int hb = holders(best);
      if (h < hb || h == hb && keepUnknownRank[c] > keepUnknownRank[best]) {
        best = c;
      }
    }
    return best;
  }

  /** The unknown column of the row to pivot on: the one expected to stay unknown longest. */
  private int choosePivot(SparseRow r, int excluded) {
    int best = -1;
    for (int i = 0; i < r.size(); i++) {
      int c = r.column(i);
      if (c == excluded || !unknown.get(c) || rowOfPivot.containsKey(c)) {
        continue;
      }
      if (best < 0
          || keepUnknownRank[c] > keepUnknownRank[best]
          || keepUnknownRank[c] == keepUnknownRank[best] && holders(c) < holders(best)) {
        best = c;
      }
    }
    return best;
  }

  private int holders(int c) {
    Set<Integer> s = rowsOf.get(c);
    return s == null ? 0 : s.size();
  }

  /** Eliminates the pivot column of row {@code index} from every other row holding it. */
  private void eliminateElsewhere(int index, int pivot) {
    SparseRow pivotRow = rows.get(index);
    for (int r : new ArrayList<>(rowsOf.getOrDefault(pivot, Set.of()))) {
      if (r == index) {
        continue;
      }
      SparseRow old = rows.get(r);
      replace(r, old.plus(old.get(pivot).negate(), pivotRow), pivotOf.get(r));
    }
  }

  private void install(int index, SparseRow row, int pivot) {
    rows.set(index, row);
    pivotOf.set(index, pivot);
    rowOfPivot.put(pivot, index);
    int n = 0;
    for (int i = 0; i < row.size(); i++) {
      int c = row.column(i);
      rowsOf.computeIfAbsent(c, x -> new LinkedHashSet<>()).add(index);
      if (unknown.get(c)) {
        n++;
      }
    }
    unknownCount.set(index, n);
  }

  private void replace(int index, SparseRow row, int pivot) {
    SparseRow oldRow = rows.get(index);
    int oldPivot = pivotOf.get(index);
    int oldCount = unknownCount.get(index);
    detach(index);
    install(index, row, pivot);
    if (recording) {
      undo.push(
          () -> {
            detach(index);
            install(index, oldRow, oldPivot);
            unknownCount.set(index, oldCount);
          });
    }
  }

  private void remove(int index) {
    SparseRow oldRow = rows.get(index);
    int oldPivot = pivotOf.get(index);
    int oldCount = unknownCount.get(index);
    detach(index);
    rows.set(index, null);
    pivotOf.set(index, -1);
    if (recording) {
      undo.push(
          () -> {
            install(index, oldRow, oldPivot);
            unknownCount.set(index, oldCount);
          });
    }
  }

  private void detach(int index) {
    SparseRow row = rows.get(index);
    if (row == null) {
      return;
    }
    for (int i = 0; i < row.size(); i++) {
      Set<Integer> s = rowsOf.get(row.column(i));
      if (s != null) {
        s.remove(index);
      }
    }
    Integer pivot = pivotOf.get(index);
    if (pivot >= 0 && rowOfPivot.get(pivot) != null && rowOfPivot.get(pivot) == index) {
      rowOfPivot.remove(pivot);
    }
  }

  private void setCount(int r, int n) {
    int old = unknownCount.get(r);
    unknownCount.set(r, n);
    if (recording) {
      undo.push(() -> unknownCount.set(r, old));
    }
  }

  private void set(BitSet b, int i, boolean v) {
    boolean old = b.get(i);
    b.set(i, v);
    if (recording) {
      undo.push(() -> b.set(i, old));
    }
  }
}
