package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import se.stockholm.sigstat.disclosure.linear.IncrementalSolver;

/**
 * Secondary suppression that is checked, not assumed, in the manner of Statistics Norway's
 * GaussSuppression. The counts primary suppression hides are the protected figures. Every other
 * cell is then considered once, most valuable first (disclosure.yaml costs): it is published if,
 * with everything published so far, no protected figure can be computed by any combination of the
 * declared relations (checked exactly by an {@link IncrementalSolver}); otherwise it is suppressed
 * (M). A cell that gives a protected figure away directly (a share whose denominator is hidden) is
 * never published. So the cells that are hidden are the least valuable ones whose publication would
 * give a primary count back, and a cell whose figures can be computed anyway costs nothing to
 * publish, and a cell hidden early whose figures the later published ones give anyway is published
 * after all. Empty cells are known from the start (their counts are zero); cells forced hidden by
 * {@link DisclosureControl}'s bound rounds are protected like primary ones. Deterministic: a fixed
 * order with fixed tie-breaks.
 */
final class SecondarySuppression {
  private SecondarySuppression() {}

  /**
   * @param cost what hiding each cell costs (more: published first)
   * @param size each cell's count, the tie-break among equal costs (larger: published first)
   * @param forced cells to hide whatever the pass finds (to widen a feasible range), protected like
   *     primary ones
   */
  static CellStatus[] apply(
      LinkedTables linked,
      CellStatus[] primaryStatus,
      double[] cost,
      double[] size,
      BitSet forced) {
    CellStatus[] status = primaryStatus.clone();
    int figures = linked.figures().size();
    BitSet protectedFigures = new BitSet();
    for (int c = 0; c < status.length; c++) {
      if (status[c] == CellStatus.PRIMARY || forced.get(c)) {
        for (int f : linked.own(c)) {
          protectedFigures.set(f);
        }
      }
      if (forced.get(c) && status[c] != CellStatus.PRIMARY) {
        status[c] = CellStatus.SECONDARY;
      }
    }
    List<Integer> candidates = new ArrayList<>();
    List<Integer> empty = new ArrayList<>();
    for (int c = 0; c < status.length; c++) {
      if (status[c] == CellStatus.EMPTY) {
        empty.add(c);
      } else if (!status[c].isSuppressed()) {
        candidates.add(c);
      }
    }
    // Ties: the larger count first, then the cell's coordinates, so the order of the input
    // does not matter.
    candidates.sort(
        Comparator.comparingDouble((Integer c) -> -cost[c])
            .thenComparingDouble(c -> -size[c])
            .thenComparing(c -> linked.cells().get(c).toString()));
    // A figure stays unknown until the first cell giving it away is published: the later, the
    // better a pivot it makes.
    int[] keepUnknown = new int[figures];
    Arrays.fill(keepUnknown, Integer.MAX_VALUE);
    for (int c : empty) {
      for (int f : linked.own(c)) {
        keepUnknown[f] = -1;
      }
    }
    for (int pos = 0; pos < candidates.size(); pos++) {
      for (int f : linked.revealed(candidates.get(pos))) {
        if (!protectedFigures.get(f)) {
          keepUnknown[f] = Math.min(keepUnknown[f], pos);
        }
      }
    }
    BitSet unknown = new BitSet();
    unknown.set(0, figures);
    IncrementalSolver solver =
        new IncrementalSolver(
            linked.recoverability().relations(), unknown, protectedFigures, keepUnknown);
    // An empty cell says its counts are zero: the intruder knows them from the start.
    for (int c : empty) {
      solver.tryMakeKnown(linked.own(c));
    }
    List<Integer> hidden = new ArrayList<>();
    for (int c : candidates) {
      if (!solver.tryMakeKnown(linked.revealed(c))) {
        status[c] = CellStatus.SECONDARY;
        hidden.add(c);
      }
    }
    // A hidden cell whose figures the published ones give anyway (another cell reveals its count,
    // or the relations compute it) protects nothing: publish it. Only such cells pass here, since
    // what was published after a cell was refused can only make more figures computable.
    for (int c : hidden) {
      if (solver.tryMakeKnown(linked.revealed(c))) {
        status[c] = primaryStatus[c];
      }
    }
    return status;
  }
}
