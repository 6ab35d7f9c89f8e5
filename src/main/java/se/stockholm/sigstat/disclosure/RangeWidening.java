package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.stockholm.sigstat.disclosure.linear.SparseRow;

/**
 * Where bounds pin a hidden count, one more figure in a relation with it is hidden, so the relation
 * gets room again: the published figure that costs least to hide, counting every cell that gives it
 * away (hiding a rate while its count stays published in another cell frees nothing). Its owner
 * cells are forced hidden; the next pass hides the cells that give it away with them. Counts of
 * primary cells are widened first: the secondary cells pinned through them usually free up with
 * them.
 */
final class RangeWidening {
  private static final Logger LOG = LoggerFactory.getLogger(RangeWidening.class);

  private RangeWidening() {}

  static BitSet cellsToHide(
      LinkedTables linked, CellStatus[] status, BitSet pinned, double[] cost, double[] size) {
    int figures = linked.figures().size();
    List<List<Integer>> owners = new ArrayList<>(figures);
    for (int f = 0; f < figures; f++) {
      owners.add(new ArrayList<>());
    }
    BitSet primaryOwned = new BitSet();
    for (int c = 0; c < status.length; c++) {
      for (int f : linked.own(c)) {
        owners.get(f).add(c);
        if (status[c] == CellStatus.PRIMARY) {
          primaryOwned.set(f);
        }
      }
    }
    BitSet targets = (BitSet) pinned.clone();
    targets.and(primaryOwned);
    if (targets.isEmpty()) {
      targets = pinned;
    }
    BitSet hide = new BitSet();
    for (int f = targets.nextSetBit(0); f >= 0; f = targets.nextSetBit(f + 1)) {
      int best = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int r : linked.recoverability().relationsOf(f)) {
        SparseRow row = linked.recoverability().relations().get(r);
        for (int i = 0; i < row.size(); i++) {
          int g = row.column(i);
          double c = costToHide(linked, status, g, cost);
          if (g == f || Double.isNaN(c) || owners.get(g).isEmpty()) {
            continue;
          }
          if (best < 0 || c < bestCost || (c == bestCost && larger(g, best, owners, size))) {
            best = g;
            bestCost = c;
          }
        }
      }
      if (best >= 0) {
        owners.get(best).stream().filter(c -> !status[c].isSuppressed()).forEach(hide::set);
        LOG.debug(
            "widening: {} pinned, hiding {} (cost {})",
            linked.figures().get(f),
            linked.figures().get(best),
            bestCost);
      }
    }
    return hide;
  }

  /**
   * What hiding the figure costs: every published cell that gives it away. NaN when it is hidden
   * already, or cannot be hidden (an empty cell says it is zero).
   */
  private static double costToHide(LinkedTables linked, CellStatus[] status, int g, double[] cost) {
    double sum = 0;
    boolean published = false;
    for (int c : linked.revealedBy(g)) {
      if (status[c] == CellStatus.EMPTY) {
        for (int own : linked.own(c)) {
          if (own == g) {
            return Double.NaN;
          }
        }
        continue;
      }
      if (!status[c].isSuppressed()) {
        sum += cost[c];
        published = true;
      }
    }
    return published ? sum : Double.NaN;
  }

  /** The larger count first (more room); then the lower figure id, for determinism. */
  private static boolean larger(int g, int than, List<List<Integer>> owners, double[] size) {
    double a = size[owners.get(g).get(0)];
    double b = size[owners.get(than).get(0)];
    return a != b ? a > b : g < than;
  }
}
