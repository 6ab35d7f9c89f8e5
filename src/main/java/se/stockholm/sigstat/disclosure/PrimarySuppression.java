package se.stockholm.sigstat.disclosure;

import java.util.List;
import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.MeasureKind;

/**
 * Primary suppression: a cell is suppressed when any count it gives away (its own counts, a share's
 * denominator, the count behind a mean, rate, cost or median) is 0 < n < k. Otherwise it is
 * published (a zero as Z), or empty (E) when there is nothing to show.
 */
final class PrimarySuppression {
  private PrimarySuppression() {}

  static CellStatus[] apply(
      LinkedTables linked,
      List<Cell> cells,
      double[] figureValues,
      FrequencyRule rule,
      FollowUpModel model) {
    CellStatus[] status = new CellStatus[cells.size()];
    for (int c = 0; c < cells.size(); c++) {
      Cell cell = cells.get(c);
      MeasureKind kind = model.measure(cell.key().measure()).kind();
      boolean small = false;
      for (int f : linked.revealed(c)) {
        small |= linked.figures().get(f).isCount() && rule.unsafe(figureValues[f]);
      }
      status[c] = small ? CellStatus.PRIMARY : published(kind, cell);
    }
    return status;
  }

  /** The status of a cell with no small count behind it. */
  static CellStatus published(MeasureKind kind, Cell c) {
    Double v = c.value();
    return switch (kind) {
      case COUNT -> v == null || v == 0 ? CellStatus.ZERO : CellStatus.SAFE;
      case SHARE -> {
        if (c.denominator() == null || c.denominator() == 0 || v == null) {
          yield CellStatus.EMPTY;
        }
        yield c.numerator() == null || c.numerator() == 0 ? CellStatus.ZERO : CellStatus.SAFE;
      }
      default -> {
        if (v == null || v.isNaN()) {
          yield CellStatus.EMPTY;
        }
        yield v == 0 ? CellStatus.ZERO : CellStatus.SAFE;
      }
    };
  }

  /** Each figure's value, from a cell that owns it (NaN when no cell owns it). */
  static double[] figureValues(LinkedTables linked, List<Cell> cells) {
    double[] values = new double[linked.figures().size()];
    java.util.Arrays.fill(values, Double.NaN);
    for (int c = 0; c < cells.size(); c++) {
      for (int f : linked.own(c)) {
        Double v = field(cells.get(c), linked.figures().get(f).field());
        if (v != null && Double.isNaN(values[f])) {
          values[f] = v;
        }
      }
    }
    return values;
  }

  private static Double field(Cell c, String field) {
    return switch (field) {
      case "varde" -> c.value() == null ? 0.0 : c.value();
      case "taljare" -> c.numerator() == null ? 0.0 : c.numerator();
      case "namnare" -> c.denominator() == null ? 0.0 : c.denominator();
      default -> null;
    };
  }
}
