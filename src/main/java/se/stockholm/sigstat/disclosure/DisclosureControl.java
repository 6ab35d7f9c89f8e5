package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import se.stockholm.sigstat.aggregation.AggregatedTable;
import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.model.FollowUpModel;

/**
 * Protects the published tables of a run together, as one linked set: primary suppression of small
 * counts, then secondary suppression chosen by least cost so that no hidden figure can be computed
 * from the published ones by any combination of the declared relations. Deterministic: the same
 * table gives the same pattern. With k = 1 nothing is suppressed.
 */
public final class DisclosureControl {
  private final FollowUpModel model;
  private final FrequencyRule rule;

  public DisclosureControl(FollowUpModel model, FrequencyRule rule) {
    this.model = model;
    this.rule = rule;
  }

  public ProtectedTable protect(AggregatedTable table) {
    List<Cell> cells = table.cells();
    List<CellKey> keys = cells.stream().map(Cell::key).toList();
    LinkedTables linked = LinkedTables.of(keys, table.periods(), table.indelning(), model);
    double[] figureValues = PrimarySuppression.figureValues(linked, cells);
    CellStatus[] status = PrimarySuppression.apply(linked, cells, figureValues, rule, model);
    if (rule.minFrequency() > 1) {
      boolean[] onlyZeros = new boolean[cells.size()];
      for (int c = 0; c < onlyZeros.length; c++) {
        boolean zeros = status[c] == CellStatus.ZERO;
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
      status = SecondarySuppression.apply(linked, status, cost, size);
    }
    List<ProtectedCell> out = new ArrayList<>(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      out.add(
          status[i].isSuppressed() || status[i] == CellStatus.EMPTY
              ? new ProtectedCell(c.key(), null, null, null, null, null, status[i])
              : new ProtectedCell(
                  c.key(),
                  c.value(),
                  c.numerator(),
                  c.denominator(),
                  c.low(),
                  c.high(),
                  status[i]));
    }
    return new ProtectedTable(out, table.periods(), table.indelning(), rule.minFrequency());
  }
}
