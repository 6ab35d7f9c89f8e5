package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.disclosure.linear.Rational;
import se.stockholm.sigstat.model.DisclosureRules;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.LifeDomain;

/**
 * What the histogram of changes ties together in a life domain: förbättrade = Σ pairs with change v
 * > 0, försämrade = Σ v < 0, summa = Σ v × n_v, kvadratsumma = Σ v² × n_v. Every linear relation
 * among the four that holds whatever the histogram is follows from the domain's scale: on a 0/1
 * scale (changes −1, 0, +1) summa = förbättrade − försämrade and kvadratsumma = förbättrade +
 * försämrade; on longer scales there is none.
 */
final class ChangeHistogramRelations {
  private ChangeHistogramRelations() {}

  static void add(
      List<FigureKey> figures, FollowUpModel model, FigureResolver resolver, RelationSink sink) {
    DisclosureRules.ChangeHistogram h = model.disclosure().changeHistogram();
    if (h == null) {
      return;
    }
    Map<Integer, List<long[]>> bySteps = new HashMap<>();
    for (FigureKey f : figures) {
      if (!f.equals(resolver.resolve(f, h.improved()))) {
        continue;
      }
      LifeDomain domain = model.lifeDomain(f.category()).orElse(null);
      if (domain == null) {
        continue;
      }
      int steps = domain.max() - domain.min();
      List<FigureKey> keys =
          List.of(
              f,
              resolver.resolve(f, h.worse()),
              resolver.resolve(f, h.sum()),
              resolver.resolve(f, h.sumOfSquares()));
      for (long[] y : bySteps.computeIfAbsent(steps, ChangeHistogramRelations::relations)) {
        sink.add(
            "summa och kvadratsumma av förändringen i " + f.category(),
            keys,
            List.of(y[0], y[1], y[2], y[3]));
      }
    }
  }

  /**
   * The left null space of the 4 × 2s matrix mapping the histogram (changes ±1..±s) to
   * (förbättrade, försämrade, summa, kvadratsumma), as integer vectors.
   */
  static List<long[]> relations(int steps) {
    int cols = 2 * steps;
    Rational[][] t = new Rational[cols][4];
    int c = 0;
    for (int v = 1; v <= steps; v++) {
      for (int sign : new int[] {1, -1}) {
        long change = (long) sign * v;
        t[c][0] = Rational.of(change > 0 ? 1 : 0);
        t[c][1] = Rational.of(change < 0 ? 1 : 0);
        t[c][2] = Rational.of(change);
        t[c][3] = Rational.of(change * change);
        c++;
      }
    }
    // Null space of the transposed matrix (cols × 4): Gauss–Jordan, then one vector per free
    // column.
    int rank = 0;
    int[] pivotCol = new int[4];
    for (int col = 0; col < 4 && rank < cols; col++) {
      int pivot = -1;
      for (int r = rank; r < cols; r++) {
        if (!t[r][col].isZero()) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      Rational[] tmp = t[pivot];
      t[pivot] = t[rank];
      t[rank] = tmp;
      Rational inv = Rational.ONE.divide(t[rank][col]);
      for (int j = 0; j < 4; j++) {
        t[rank][j] = t[rank][j].multiply(inv);
      }
      for (int r = 0; r < cols; r++) {
        if (r != rank && !t[r][col].isZero()) {
          Rational f = t[r][col];
          for (int j = 0; j < 4; j++) {
            t[r][j] = t[r][j].subtract(f.multiply(t[rank][j]));
          }
        }
      }
      pivotCol[rank++] = col;
    }
    List<long[]> vectors = new ArrayList<>();
    for (int free = 0; free < 4; free++) {
      boolean isPivot = false;
      for (int i = 0; i < rank; i++) {
        isPivot |= pivotCol[i] == free;
      }
      if (isPivot) {
        continue;
      }
      Rational[] y = new Rational[4];
      java.util.Arrays.fill(y, Rational.ZERO);
      y[free] = Rational.ONE;
      for (int i = 0; i < rank; i++) {
        y[pivotCol[i]] = t[i][free].negate();
      }
      vectors.add(integers(y));
    }
    return vectors;
  }

  private static long[] integers(Rational[] y) {
    long scale = 1;
    for (Rational r : y) {
      String s = r.toString();
      if (s.contains("/")) {
        scale *= Long.parseLong(s.substring(s.indexOf('/') + 1));
      }
    }
    long[] out = new long[y.length];
    for (int i = 0; i < y.length; i++) {
      Rational v = y[i].multiply(Rational.of(scale));
      out[i] = Long.parseLong(v.toString());
    }
    return out;
  }
}
