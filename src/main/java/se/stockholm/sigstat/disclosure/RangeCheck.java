package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.stockholm.sigstat.disclosure.linear.Recoverability;
import se.stockholm.sigstat.disclosure.linear.SparseRow;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.MeasureKind;

/**
 * The intruder's bounds on a published table: which hidden figures (counts of suppressed cells) the
 * published cells, the rule (a primary count lies in 1..k − 1) and non-negativity pin to one value.
 * Protection and audit ask the same question of the same published cells.
 */
final class RangeCheck {
  private static final Logger LOG = LoggerFactory.getLogger(RangeCheck.class);

  private RangeCheck() {}

  /** Figures owned by suppressed cells whose feasible range holds a single value. */
  static BitSet recovered(
      LinkedTables linked, List<ProtectedCell> cells, FollowUpModel model, int k) {
    return recovered(linked, cells, model, k, null);
  }

  /**
   * The audit's question: the hidden counts (numbers of persons, not sums of changes) that the
   * published cells and the declared relations pin to one value.
   */
  static BitSet pinnedCounts(
      LinkedTables linked, List<ProtectedCell> cells, FollowUpModel model, int k) {
    BitSet pinned = recovered(linked, cells, model, k);
    for (int f = pinned.nextSetBit(0); f >= 0; f = pinned.nextSetBit(f + 1)) {
      if (!linked.figures().get(f).isCount()) {
        pinned.clear(f);
      }
    }
    return pinned;
  }

  /**
   * As {@link #recovered(LinkedTables, List, FollowUpModel, int)}, for the protection, which knows
   * the true figures ({@code truth}, NaN where none): a kind of inexact relation (one name, e.g.
   * the district line of aktuella anhöriga) that holds exactly in every instance is taken as exact,
   * as an intruder who sees it always add up would (relatives who never move between districts). A
   * single instance that happens to add up is not: the intruder cannot tell it from the others.
   */
  static BitSet recovered(
      LinkedTables linked, List<ProtectedCell> cells, FollowUpModel model, int k, double[] truth) {
    double[] values = PublishedFigures.approximate(linked, cells);
    if (truth != null) {
      // A published cell gives away every figure it reveals (a cost per person its number of
      // persons), also where the file shows it only through a column the reading above skips.
      for (int c = 0; c < cells.size(); c++) {
        CellStatus s = cells.get(c).status();
        if (!s.isSuppressed() && s != CellStatus.EMPTY) {
          for (int f : linked.revealed(c)) {
            if (Double.isNaN(values[f])) {
              values[f] = truth[f];
            }
          }
        }
      }
    }
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
    Recoverability rec = linked.recoverability();
    RelationKind[] kinds = new RelationKind[rec.relations().size()];
    Set<String> failing = new HashSet<>();
    for (int i = 0; i < kinds.length; i++) {
      if (truth == null || !holdsOn(rec.relations().get(i), truth)) {
        failing.add(linked.relationName(i));
      }
    }
    Set<String> upgraded = new TreeSet<>();
    for (int i = 0; i < kinds.length; i++) {
      boolean alwaysHolds = !failing.contains(linked.relationName(i));
      kinds[i] = alwaysHolds ? RelationKind.EXACT : linked.kind(i);
      if (alwaysHolds && linked.kind(i) != RelationKind.EXACT) {
        upgraded.add(linked.relationName(i));
      }
    }
    LOG.debug("bounds take {} inexact kinds of relation as exact: {}", upgraded.size(), upgraded);
    // The exact relations reduced over the hidden figures: bounds then see combinations of
    // relations too, as an intruder who eliminates first does.
    List<SparseRow> exact = new ArrayList<>();
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] == RelationKind.EXACT) {
        exact.add(rec.relations().get(i));
      }
    }
    BitSet unknown = new BitSet();
    for (int f = 0; f < values.length; f++) {
      if (Double.isNaN(values[f])) {
        unknown.set(f);
      }
    }
    List<SparseRow> rows = new ArrayList<>(rec.relations());
    rows.addAll(new Recoverability(exact, values.length).reducedRows(unknown));
    RelationKind[] rowKinds = Arrays.copyOf(kinds, rows.size());
    Arrays.fill(rowKinds, kinds.length, rowKinds.length, RelationKind.EXACT);
    FeasibleRanges ranges = FeasibleRanges.of(rows, rowKinds, linked.figures(), values, small, k);
    BitSet out = new BitSet();
    for (int f = hidden.nextSetBit(0); f >= 0; f = hidden.nextSetBit(f + 1)) {
      if (Double.isNaN(values[f]) && ranges.determined(f)) {
        out.set(f);
      }
    }
    return out;
  }

  /**
   * Σ coefficient × value = 0 on the given values, up to rounding (hours are not whole); true when
   * a value is unknown (nothing shows the relation failing).
   */
  static boolean holdsOn(SparseRow row, double[] values) {
    double sum = 0;
    double scale = 1;
    for (int i = 0; i < row.size(); i++) {
      double v = values[row.column(i)];
      if (Double.isNaN(v)) {
        return true;
      }
      double term = row.value(i).doubleValue() * v;
      sum += term;
      scale += Math.abs(term);
    }
    return Math.abs(sum) <= 1e-9 * scale;
  }
}
