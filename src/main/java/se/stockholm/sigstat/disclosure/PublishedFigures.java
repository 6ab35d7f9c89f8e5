package se.stockholm.sigstat.disclosure;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import se.stockholm.sigstat.disclosure.linear.Rational;

/**
 * The value of every figure an intruder reads off the published cells: counts as published, the sum
 * of changes as n × mean, the sum of squares from the mean's t-interval. Null where nothing
 * published gives it.
 */
final class PublishedFigures {
  private PublishedFigures() {}

  static Rational[] of(LinkedTables linked, List<ProtectedCell> cells) {
    Rational[] values = new Rational[linked.figures().size()];
    for (int c = 0; c < cells.size(); c++) {
      ProtectedCell cell = cells.get(c);
      if (cell.status().isSuppressed() || cell.status() == CellStatus.EMPTY) {
        continue;
      }
      for (int f : linked.revealed(c)) {
        if (values[f] == null) {
          values[f] = read(cell, linked.figures().get(f), contains(linked.own(c), f));
        }
      }
    }
    return values;
  }

  /** The figure as this published cell gives it, or null if the cell does not carry it. */
  private static Rational read(ProtectedCell c, FigureKey f, boolean own) {
    String field = f.field();
    if (own) {
      return switch (field) {
        case "varde" -> integer(c.value());
        case "taljare" -> integer(c.numerator());
        case "namnare" -> integer(c.denominator());
        case "summa" ->
            c.value() == null || c.denominator() == null
                ? null
                : integer(c.value() * c.denominator());
        default -> null;
      };
    }
    if (field.equals("kvadratsumma")) {
      return sumOfSquares(c);
    }
    return null;
  }

  /** (n − 1) s² + n × mean², with s from the published 95 % t-interval. */
  private static Rational sumOfSquares(ProtectedCell c) {
    if (c.value() == null || c.denominator() == null || c.low() == null || c.high() == null) {
      return null;
    }
    double n = c.denominator();
    if (n < 2) {
      return null;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    double sd = (c.high() - c.low()) / 2 * Math.sqrt(n) / t;
    return integer((n - 1) * sd * sd + n * c.value() * c.value());
  }

  private static Rational integer(Double d) {
    return d == null || d.isNaN() ? null : Rational.of(Math.round(d));
  }

  private static boolean contains(int[] a, int x) {
    for (int v : a) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }
}
