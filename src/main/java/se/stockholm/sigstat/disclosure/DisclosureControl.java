package se.stockholm.sigstat.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.AggregatedTable;
import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.MeasureKind;

/**
 * Protects the aggregated table: primary suppression of small counts and shares, secondary
 * suppression along every line until no line has exactly one suppressed cell, and suppression of
 * everything derived from a suppressed count. Deterministic: the same table gives the same pattern.
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
    Map<String, Measure> measures = new HashMap<>();
    model.measures().forEach(m -> measures.put(m.code(), m));
    MeasureKind[] kind = new MeasureKind[cells.size()];
    CellStatus[] status = new CellStatus[cells.size()];
    double[] lineValue = new double[cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      kind[i] = measures.get(c.key().measure()).kind();
      status[i] = primary(kind[i], c);
      lineValue[i] = Lines.lineValue(kind[i], c.value(), c.numerator());
    }
    List<Lines.Line> lines = Lines.of(keys, model, model.districts().cityCode());
    Map<Integer, List<Lines.Line>> linesOf = new HashMap<>();
    for (Lines.Line l : lines) {
      for (int m : l.members()) {
        linesOf.computeIfAbsent(m, x -> new ArrayList<>()).add(l);
      }
    }
    int[] base = BaseCells.of(keys, model);
    Deque<Lines.Line> queue = new ArrayDeque<>(lines);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < cells.size(); i++) {
        if (base[i] >= 0
            && status[base[i]].isSuppressed()
            && !status[i].isSuppressed()
            && status[i] != CellStatus.EMPTY) {
          status[i] = status[base[i]];
          queue.addAll(linesOf.getOrDefault(i, List.of()));
          changed = true;
        }
      }
      while (!queue.isEmpty()) {
        Lines.Line line = queue.poll();
        long suppressed = line.members().stream().filter(m -> status[m].isSuppressed()).count();
        if (suppressed != 1) {
          continue;
        }
        // The smallest positive count, parts before the total, ties in code order; a line
        // whose only other cells are zeros (a share suppressed for its small denominator)
        // gets a zero suppressed instead, so no line is left with a single suppressed cell.
        Integer pick =
            line.members().stream()
                .filter(m -> !status[m].isSuppressed() && status[m] != CellStatus.EMPTY)
                .min(
                    Comparator.<Integer, Boolean>comparing(m -> lineValue[m] <= 0)
                        .thenComparingDouble(m -> lineValue[m])
                        .thenComparing(m -> m == line.total())
                        .thenComparing(m -> m))
                .orElse(null);
        if (pick != null) {
          status[pick] = CellStatus.SECONDARY;
          queue.addAll(linesOf.getOrDefault(pick, List.of()));
          changed = true;
        }
      }
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

  private CellStatus primary(MeasureKind kind, Cell c) {
    Double v = c.value();
    switch (kind) {
      case COUNT -> {
        double n = v == null ? 0 : v;
        return n == 0 ? CellStatus.ZERO : rule.unsafe(n) ? CellStatus.PRIMARY : CellStatus.SAFE;
      }
      case SHARE -> {
        double n = c.denominator() == null ? 0 : c.denominator();
        double t = c.numerator() == null ? 0 : c.numerator();
        if (n == 0 || v == null) {
          return CellStatus.EMPTY;
        }
        if (rule.tooSmallDenominator(n) || rule.unsafe(t)) {
          return CellStatus.PRIMARY;
        }
        return t == 0 ? CellStatus.ZERO : CellStatus.SAFE;
      }
      case DERIVED -> {
        if (v == null || v.isNaN()) {
          return CellStatus.EMPTY;
        }
        if (c.denominator() != null && rule.tooSmallDenominator(c.denominator())) {
          return CellStatus.PRIMARY;
        }
        return v == 0 ? CellStatus.ZERO : CellStatus.SAFE;
      }
      default -> {
        if (v == null) {
          return CellStatus.EMPTY;
        }
        return v == 0 ? CellStatus.ZERO : CellStatus.SAFE;
      }
    }
  }
}
