package se.stockholm.sigstat.disclosure.linear;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which unknowns a set of linear relations pins down once the other quantities are known: the
 * intruder's question, answered exactly. An unknown x is determined when some combination of the
 * relations involves x and no other unknown (e_x lies in the row space of the relations restricted
 * to the unknowns). Found by Gauss–Jordan elimination over exact rationals, one connected group of
 * unknowns at a time: unknowns that share no relation cannot help to find each other, so the groups
 * are solved separately and stay small.
 */
public final class Recoverability {
  private final List<SparseRow> relations;
  private final int[][] relationsOf;

  /**
   * @param relations each row says Σ coefficient × quantity = 0
   * @param quantities the number of quantities (columns)
   */
  public Recoverability(List<SparseRow> relations, int quantities) {
    this.relations = List.copyOf(relations);
    int[] count = new int[quantities];
    for (SparseRow r : relations) {
      for (int i = 0; i < r.size(); i++) {
        count[r.column(i)]++;
      }
    }
    relationsOf = new int[quantities][];
    for (int q = 0; q < quantities; q++) {
      relationsOf[q] = new int[count[q]];
    }
    int[] fill = new int[quantities];
    for (int ri = 0; ri < relations.size(); ri++) {
      SparseRow r = relations.get(ri);
      for (int i = 0; i < r.size(); i++) {
        int q = r.column(i);
        relationsOf[q][fill[q]++] = ri;
      }
    }
  }

  public List<SparseRow> relations() {
    return relations;
  }

  /** The relations a quantity appears in (indices into {@link #relations()}). */
  public int[] relationsOf(int quantity) {
    return relationsOf[quantity];
  }

  /**
   * The unknowns of interest that the relations determine, each with its certificate: a combination
   * of relations in which the unknown has coefficient 1 and every other quantity is known, so that
   * unknown = −Σ coefficient × known value.
   *
   * @param unknown the quantities an intruder does not know
   * @param ofInterest the unknowns to test (the others are solved only as far as they help)
   */
  public Map<Integer, SparseRow> determined(BitSet unknown, BitSet ofInterest) {
    Map<Integer, SparseRow> found = new TreeMap<>();
    BitSet seen = new BitSet();
    for (int x = ofInterest.nextSetBit(0); x >= 0; x = ofInterest.nextSetBit(x + 1)) {
      if (!unknown.get(x) || seen.get(x)) {
        continue;
      }
      List<Integer> rows = component(x, unknown, seen);
      for (Map.Entry<Integer, SparseRow> e : eliminate(rows, unknown).entrySet()) {
        if (ofInterest.get(e.getKey())) {
          found.put(e.getKey(), e.getValue());
        }
      }
    }
    return found;
  }

  /**
   * Every pivot row of the elimination over the unknowns: each pivot unknown in terms of the free
   * unknowns and the known quantities. These are combinations of the relations that bound
   * propagation cannot find one relation at a time (a total minus a difference of two lines).
   */
  public List<SparseRow> reducedRows(BitSet unknown) {
    List<SparseRow> rows = new ArrayList<>();
    BitSet seen = new BitSet();
    for (int x = unknown.nextSetBit(0); x >= 0; x = unknown.nextSetBit(x + 1)) {
      if (seen.get(x) || relationsOf[x].length == 0) {
        continue;
      }
      rows.addAll(pivotRows(component(x, unknown, seen), unknown).values());
    }
    return rows;
  }

  /** The unknowns connected to {@code start} through relations, marked in {@code seen}. */
  public BitSet group(int start, BitSet unknown) {
    BitSet members = new BitSet();
    component(start, unknown, members);
    return members;
  }

  private List<Integer> component(int start, BitSet unknown, BitSet seen) {
    TreeSet<Integer> rows = new TreeSet<>();
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    seen.set(start);
    while (!queue.isEmpty()) {
      int q = queue.poll();
      for (int ri : relationsOf[q]) {
        if (rows.add(ri)) {
          SparseRow r = relations.get(ri);
          for (int i = 0; i < r.size(); i++) {
            int other = r.column(i);
            if (unknown.get(other) && !seen.get(other)) {
              seen.set(other);
              queue.add(other);
            }
          }
        }
      }
    }
    return new ArrayList<>(rows);
  }

  /** The pivots whose reduced row has no other unknown: the determined unknowns. */
  private Map<Integer, SparseRow> eliminate(List<Integer> rowIndices, BitSet unknown) {
    Map<Integer, SparseRow> determined = new TreeMap<>();
    for (Map.Entry<Integer, SparseRow> e : pivotRows(rowIndices, unknown).entrySet()) {
      if (unknownCount(e.getValue(), unknown) == 1) {
        determined.put(e.getKey(), e.getValue());
      }
    }
    return determined;
  }

  /**
   * Gauss–Jordan over the unknown columns (known columns ride along to form certificates): each
   * pivot unknown with its reduced row.
   */
  private Map<Integer, SparseRow> pivotRows(List<Integer> rowIndices, BitSet unknown) {
    Map<Integer, SparseRow> pivotRow = new LinkedHashMap<>();
    // unknown column -> pivots whose rows hold it as a non-pivot entry
    Map<Integer, TreeSet<Integer>> holders = new HashMap<>();
    for (int ri : rowIndices) {
      SparseRow r = relations.get(ri);
      List<Integer> pivotsIn = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        if (unknown.get(r.column(i)) && pivotRow.containsKey(r.column(i))) {
          pivotsIn.add(r.column(i));
        }
      }
      for (int p : pivotsIn) {
        Rational f = r.get(p);
        if (!f.isZero()) {
          r = r.plus(f.negate(), pivotRow.get(p));
        }
      }
      int pivot = choosePivot(r, unknown, holders);
      if (pivot < 0) {
        continue;
      }
      r = r.scale(Rational.ONE.divide(r.get(pivot)));
      TreeSet<Integer> holding = holders.remove(pivot);
      if (holding != null) {
        for (int p : holding) {
          SparseRow old = pivotRow.get(p);
          SparseRow updated = old.plus(old.get(pivot).negate(), r);
          unregister(p, old, unknown, holders);
          pivotRow.put(p, updated);
          register(p, updated, unknown, holders);
        }
      }
      pivotRow.put(pivot, r);
      register(pivot, r, unknown, holders);
    }
    return pivotRow;
  }

  /** The unknown column appearing in the fewest other pivot rows: less fill-in. */
  private static int choosePivot(
      SparseRow r, BitSet unknown, Map<Integer, TreeSet<Integer>> holders) {
    int best = -1;
    int bestHeld = Integer.MAX_VALUE;
    for (int i = 0; i < r.size(); i++) {
      int c = r.column(i);
      if (!unknown.get(c)) {
        continue;
      }
      TreeSet<Integer> h = holders.get(c);
      int held = h == null ? 0 : h.size();
      if (held < bestHeld) {
        best = c;
        bestHeld = held;
      }
    }
    return best;
  }

  private static void register(
      int pivot, SparseRow r, BitSet unknown, Map<Integer, TreeSet<Integer>> holders) {
    for (int i = 0; i < r.size(); i++) {
      int c = r.column(i);
      if (c != pivot && unknown.get(c)) {
        holders.computeIfAbsent(c, x -> new TreeSet<>()).add(pivot);
      }
    }
  }

  private static void unregister(
      int pivot, SparseRow r, BitSet unknown, Map<Integer, TreeSet<Integer>> holders) {
    for (int i = 0; i < r.size(); i++) {
      int c = r.column(i);
      if (c != pivot && unknown.get(c)) {
        TreeSet<Integer> h = holders.get(c);
        if (h != null) {
          h.remove(pivot);
        }
      }
    }
  }

  private static int unknownCount(SparseRow r, BitSet unknown) {
    int n = 0;
    for (int i = 0; i < r.size(); i++) {
      if (unknown.get(r.column(i))) {
        n++;
      }
    }
    return n;
  }
}
