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

  /** The figures as integers (counts, and sums of changes on integer scales). */
  static Rational[] of(LinkedTables linked, List<ProtectedCell> cells) {
    double[] approximate = approximate(linked, cells);
    Rational[] values = new Rational[approximate.length];
    for (int f = 0; f < values.length; f++) {
      values[f] = integer(approximate[f]);
    }
    return values;
  }

  /**
   * The figures as read off the cells, not rounded (hours are not whole); NaN where nothing
   * published gives one. An empty cell gives its counts as zero.
   */
  static double[] approximate(LinkedTables linked, List<ProtectedCell> cells) {
    double[] values = new double[linked.figures().size()];
    java.util.Arrays.fill(values, Double.NaN);
    for (int c = 0; c < cells.size(); c++) {
      ProtectedCell cell = cells.get(c);
      if (cell.status() == CellStatus.EMPTY) {
        for (int f : linked.own(c)) {
          if (Double.isNaN(values[f])) {
            values[f] = 0;
          }
        }
      }
      if (cell.status().isSuppressed() || cell.status() == CellStatus.EMPTY) {
        continue;
      }
      for (int f : linked.revealed(c)) {
        if (Double.isNaN(values[f])) {
          Double v = read(cell, linked.figures().get(f), contains(linked.own(c), f));
          values[f] = v == null ? Double.NaN : v;
        }
      }
    }
    return values;
  }

  /** The figure as this published cell gives it, or null if the cell does not carry it. */
  private static Double read(ProtectedCell c, FigureKey f, boolean own) {
    String field = f.field();
    if (own) {
      return switch (field) {
        case "varde" -> c.value();
        case "taljare" -> c.numerator();
        case "namnare" -> c.denominator();
        case "summa" ->
            c.value() == null || c.denominator() == null ? null : c.value() * c.denominator();
        default -> null;
      };
    }
    if (field.equals("kvadratsumma")) {
      return sumOfSquares(c);
    }
    return null;
  }

  /** (n − 1) s² + n × mean², with s from the published 95 % t-interval. */
  private static Double sumOfSquares(ProtectedCell c) {
    if (c.value() == null || c.denominator() == null || c.low() == null || c.high() == null) {
      return null;
    }
    double n = c.denominator();
    if (n < 2) {
      return null;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    double sd = (c.high() - c.low()) / 2 * Math.sqrt(n) / t;
    return (n - 1) * sd * sd + n * c.value() * c.value();
  }

  private static Rational integer(double d) {
    return Double.isNaN(d) ? null : Rational.of(Math.round(d));
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
