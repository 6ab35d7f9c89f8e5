package se.stockholm.sigstat.disclosure;

import java.util.BitSet;
import se.stockholm.sigstat.disclosure.linear.SparseRow;

/**
 * Where bounds pin a hidden count, the cheapest published cell in a relation with it is hidden as
 * well, so the relation gets room again. Counts of primary cells are widened first: the secondary
 * cells pinned through them usually free up with them.
 */
final class RangeWidening {
  private RangeWidening() {}

  static BitSet cellsToHide(
      LinkedTables linked, CellStatus[] status, BitSet pinned, double[] cost, double[] size) {
    BitSet primaryOwned = new BitSet();
    for (int c = 0; c < status.length; c++) {
      if (status[c] == CellStatus.PRIMARY) {
        for (int f : linked.own(c)) {
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
      for (int r : linked.recoverability().relationsOf(f)) {
        SparseRow row = linked.recoverability().relations().get(r);
        for (int i = 0; i < row.size(); i++) {
          for (int c : linked.revealedBy(row.column(i))) {
            if (status[c].isSuppressed() || status[c] == CellStatus.EMPTY) {
              continue;
            }
            if (best < 0 || better(c, best, linked, cost, size)) {
              best = c;
            }
          }
        }
      }
      if (best >= 0) {
        hide.set(best);
      }
    }
    return hide;
  }

  /** Cheaper first; then the larger count (more room); then the coordinates, for determinism. */
  private static boolean better(
      int c, int than, LinkedTables linked, double[] cost, double[] size) {
    if (cost[c] != cost[than]) {
      return cost[c] < cost[than];
    }
    if (size[c] != size[than]) {
      return size[c] > size[than];
    }
    return linked.cells().get(c).toString().compareTo(linked.cells().get(than).toString()) < 0;
  }
}
