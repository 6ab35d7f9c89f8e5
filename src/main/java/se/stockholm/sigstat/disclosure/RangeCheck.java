package se.stockholm.sigstat.disclosure;

import java.util.BitSet;
import java.util.List;
import se.stockholm.sigstat.disclosure.linear.Recoverability;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.MeasureKind;

/**
 * The intruder's bounds on a published table: which hidden figures (counts of suppressed cells) the
 * published cells, the rule (a primary count lies in 1..k − 1) and non-negativity pin to one value.
 * Protection and audit ask the same question of the same published cells.
 */
final class RangeCheck {
  private RangeCheck() {}

  /** Figures owned by suppressed cells whose feasible range holds a single value. */
  static BitSet recovered(
      LinkedTables linked, List<ProtectedCell> cells, FollowUpModel model, int k) {
    double[] values = PublishedFigures.approximate(linked, cells);
    BitSet hidden = new BitSet();
    BitSet small = new BitSet();
    for (int c = 0; c < cells.size(); c++) {
      CellStatus s = cells.get(c).status();
      if (!s.isSuppressed()) {
        continue;
      }
      boolean countCell = model.measure(cells.get(c).key().measure()).kind() == MeasureKind.COUNT;
      for (int f : linked.own(c)) {
        hidden.set(f);
        if (s == CellStatus.PRIMARY && countCell && linked.figures().get(f).isCount()) {
          small.set(f);
        }
      }
    }
    Recoverability r = linked.recoverability();
    RelationKind[] kinds = new RelationKind[r.relations().size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = linked.kind(i);
    }
    FeasibleRanges ranges =
        FeasibleRanges.of(r.relations(), kinds, linked.figures(), values, small, k);
    BitSet out = new BitSet();
    for (int f = hidden.nextSetBit(0); f >= 0; f = hidden.nextSetBit(f + 1)) {
      if (Double.isNaN(values[f]) && ranges.determined(f)) {
        out.set(f);
      }
    }
    return out;
  }
}
