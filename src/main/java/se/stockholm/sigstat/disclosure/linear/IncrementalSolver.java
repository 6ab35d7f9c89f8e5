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
 * a pivot, its row takes a new pivot (the unknown expected to stay unknown longest) and that pivot
 * is eliminated from the other rows. A change that would let a protected quantity be computed is
 * rolled back, so the caller can try quantities in order of importance and keep only the changes
 * that are safe: Statistics Norway's GaussSuppression, over relations.
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
    if (Boolean.getBoolean("sigstat.solver.debug")) {
      long nnz = 0;
      int live = 0;
      int max = 0;
      for (SparseRow r : rows) {
        if (r != null) {
          live++;
          nnz += r.size();
          max = Math.max(max, r.size());
        }
      }
      System.err.printf(
          "solver: %d relations -> %d rows, %d nonzeros, longest %d%n",
          relations.size(), live, nnz, max);
    }
  }

  /** True when a protected quantity can already be computed (the caller's input is unsafe). */
  public boolean anyProtectedSolvable() {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) != null
          && unknownCount.get(i) == 1
          && protectedQuantities.get(pivotOf.get(i))) {
        return true;
      }
    }
    return false;
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
    if (leavesProtectedAlone(quantities)) {
      return false;
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

  /**
   * An exact early "no": some current row would keep a protected quantity as its only unknown.
   * Every row is a valid relation, so that quantity could be computed whatever else changes.
   */
  private boolean leavesProtectedAlone(int[] quantities) {
    Map<Integer, Integer> hits = new HashMap<>();
    for (int q : quantities) {
      if (unknown.get(q)) {
        for (int r : rowsOf.getOrDefault(q, Set.of())) {
          hits.merge(r, 1, Integer::sum);
        }
      }
    }
    for (Map.Entry<Integer, Integer> e : hits.entrySet()) {
      int r = e.getKey();
      if (unknownCount.get(r) - e.getValue() != 1) {
        continue;
      }
      SparseRow row = rows.get(r);
      for (int i = 0; i < row.size(); i++) {
        int c = row.column(i);
        if (unknown.get(c) && !contains(quantities, c)) {
          if (protectedQuantities.get(c)) {
            return true;
          }
          break;
        }
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int x) {
    for (int v : a) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }

  /** Whether the quantity can be computed from the known ones now. */
  public boolean solvable(int q) {
    if (!unknown.get(q)) {
      return true;
    }
    Integer r = rowOfPivot.get(q);
    return r != null && unknownCount.get(r) == 1;
  }

  public boolean isUnknown(int q) {
    return unknown.get(q);
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

  /** Deletes column q (now known); false if a protected quantity became computable. */
  private boolean makeKnown(int q) {
    set(unknown, q, false);
    Integer own = rowOfPivot.get(q);
    List<Integer> touched = new ArrayList<>(rowsOf.getOrDefault(q, Set.of()));
    for (int r : touched) {
      if (own != null && r == own) {
        continue;
      }
      setCount(r, unknownCount.get(r) - 1);
    }
    if (own != null) {
      SparseRow row = rows.get(own);
      int next = choosePivot(row, q);
      if (next < 0) {
        remove(own); // q was computable; its row now relates known quantities only
      } else {
        touched.addAll(rowsOf.getOrDefault(next, Set.of()));
        SparseRow normalized = row.scale(Rational.ONE.divide(row.get(next)));
        replace(own, normalized, next);
        eliminateElsewhere(own, next);
        touched.add(own);
      }
    }
    for (int r : touched) {
      if (rows.get(r) != null
          && unknownCount.get(r) == 1
          && protectedQuantities.get(pivotOf.get(r))) {
        return false;
      }
    }
    return true;
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
