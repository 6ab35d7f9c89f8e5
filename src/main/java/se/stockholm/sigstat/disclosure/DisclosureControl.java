package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.stockholm.sigstat.aggregation.AggregatedTable;
import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.model.FollowUpModel;

/**
 * Protects the published tables of a run together, as one linked set: primary suppression of small
 * counts, then secondary suppression chosen by least cost so that no hidden figure can be computed
 * from the published ones by any combination of the declared relations, nor pinned to one value by
 * bounds (non-negative counts, primary counts between 1 and k − 1). Deterministic: the same table
 * gives the same pattern. With k = 1 nothing is suppressed.
 */
public final class DisclosureControl {
  private static final Logger LOG = LoggerFactory.getLogger(DisclosureControl.class);

  /** Rounds of widening before the audit gets the last word (each hides at least one cell). */
  private static final int MAX_ROUNDS = 40;

  private final FollowUpModel model;
  private final FrequencyRule rule;
  private int rounds;

  public DisclosureControl(FollowUpModel model, FrequencyRule rule) {
    this.model = model;
    this.rule = rule;
  }

  public ProtectedTable protect(AggregatedTable table) {
    List<Cell> cells = table.cells();
    List<CellKey> keys = cells.stream().map(Cell::key).toList();
    LinkedTables linked = LinkedTables.of(keys, table.periods(), table.indelning(), model);
    double[] figureValues = PrimarySuppression.figureValues(linked, cells);
    CellStatus[] primary = PrimarySuppression.apply(linked, cells, figureValues, rule, model);
    CellStatus[] status = primary;
    rounds = 0;
    if (rule.minFrequency() > 1) {
      boolean[] onlyZeros = new boolean[cells.size()];
      for (int c = 0; c < onlyZeros.length; c++) {
        boolean zeros = primary[c] == CellStatus.ZERO;
        for (int f : linked.revealed(c)) {
          zeros &= figureValues[f] == 0;
        }
        onlyZeros[c] = zeros;
      }
      double[] cost =
          SuppressionCost.of(
              keys, onlyZeros, new HashSet<>(table.reportPeriods()), model.disclosure().costs());
      double[] size = new double[cells.size()];
      for (int c = 0; c < size.length; c++) {
        Cell cell = cells.get(c);
        Double v = cell.numerator() != null ? cell.numerator() : cell.value();
        size[c] = v == null || v.isNaN() ? 0 : Math.abs(v);
      }
      // Every figure as it would read with nothing suppressed: which inexact relations an
      // intruder could guess to be exact.
      List<ProtectedCell> unprotected = new ArrayList<>(cells.size());
      for (int c = 0; c < cells.size(); c++) {
        CellStatus s = primary[c].isSuppressed() ? CellStatus.SAFE : primary[c];
        unprotected.add(ProtectedCell.of(cells.get(c), s));
      }
      double[] truth = PublishedFigures.approximate(linked, unprotected);
      // Linear safety first; then, while bounds still pin a hidden count to one value, hide one
      // more cell next to it and choose the pattern again.
      BitSet forced = new BitSet();
      // Primary cells shown as M: where the flags P themselves pin a count (four primary parts
      // of a primary total of at most four are 1 each), the reason is withheld, not the value.
      BitSet unflagged = new BitSet();
      while (true) {
        rounds++;
        status = SecondarySuppression.apply(linked, primary, cost, size, forced);
        for (int c = unflagged.nextSetBit(0); c >= 0; c = unflagged.nextSetBit(c + 1)) {
          status[c] = CellStatus.SECONDARY;
        }
        List<ProtectedCell> shown = published(cells, status);
        // What the audit's intruder computes: empty cells' zeros can pin a secondary cell that
        // the forward pass did not protect; such a cell is protected in the next round.
        Set<Integer> computable =
            new DisclosureAudit(model, rule)
                .recoveries(linked, shown, PublishedFigures.of(linked, shown))
                .keySet();
        BitSet pinned = RangeCheck.recovered(linked, shown, model, k(), truth);
        computable.forEach(pinned::set);
        if (pinned.isEmpty()) {
          // The audit bounds with the declared kinds only; over other rows its bounds can
          // narrow a count that the check above leaves open. The table leaves only when the
          // audit's question has the same answer.
          pinned = RangeCheck.pinnedCounts(linked, shown, model, k());
        }
        if (pinned.isEmpty() || rounds == MAX_ROUNDS) {
          break;
        }
        int before = forced.cardinality();
        for (int c = 0; c < status.length; c++) {
          if (status[c].isSuppressed()) {
            for (int f : linked.own(c)) {
              if (computable.contains(f)) {
                forced.set(c);
              }
            }
          }
        }
        // A pinned primary count is first freed by withholding its flag (nothing more hidden);
        // the others, and any still pinned without the flag, by hiding one more figure.
        // Cells pinned through a withheld flag often free up with it: widen only in a round
        // that withheld none.
        BitSet freed = unflag(linked, status, pinned, unflagged);
        BitSet widen =
            freed.isEmpty()
                ? RangeWidening.cellsToHide(linked, status, pinned, cost, size)
                : new BitSet();
        if (LOG.isDebugEnabled()) {
          LOG.debug(
              "protection round {}: {} hidden figures pinned (e.g. {}), {} primary cells shown as"
                  + " M, {} cells forced (e.g. {})",
              rounds,
              pinned.cardinality(),
              sample(pinned, f -> linked.figures().get(f).toString()),
              freed.cardinality(),
              widen.cardinality(),
              sample(widen, c -> linked.cells().get(c).toString()));
        }
        forced.or(widen);
        if (forced.cardinality() == before && freed.isEmpty()) {
          break;
        }
      }
    }
    if (LOG.isDebugEnabled()) {
      int primaryCells = 0;
      int withheld = 0;
      for (int c = 0; c < status.length; c++) {
        if (primary[c] == CellStatus.PRIMARY) {
          primaryCells++;
          withheld += status[c] == CellStatus.SECONDARY ? 1 : 0;
        }
      }
      LOG.debug(
          "protection: {} rounds, {} of {} primary cells shown as M",
          rounds,
          withheld,
          primaryCells);
    }
    return new ProtectedTable(
        published(cells, status), table.periods(), table.indelning(), rule.minFrequency());
  }

  /** Rounds of the last {@link #protect}: 1 when linear safety alone left no range pinned. */
  public int rounds() {
    return rounds;
  }

  /**
   * Withholds the flag P of the primary cells that own a pinned figure (they are shown as M from
   * the next round on): the cells newly withheld.
   */
  private static BitSet unflag(
      LinkedTables linked, CellStatus[] status, BitSet pinned, BitSet unflagged) {
    BitSet fresh = new BitSet();
    for (int c = 0; c < status.length; c++) {
      if (status[c] == CellStatus.PRIMARY && !unflagged.get(c)) {
        for (int f : linked.own(c)) {
          if (pinned.get(f)) {
            fresh.set(c);
          }
        }
      }
    }
    unflagged.or(fresh);
    return fresh;
  }

  private static String sample(BitSet set, IntFunction<String> name) {
    return set.stream().limit(5).mapToObj(name).collect(Collectors.joining("; "));
  }

  private int k() {
    return rule.minFrequency();
  }

  private static List<ProtectedCell> published(List<Cell> cells, CellStatus[] status) {
    List<ProtectedCell> out = new ArrayList<>(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      out.add(ProtectedCell.of(cells.get(i), status[i]));
    }
    return out;
  }
}
