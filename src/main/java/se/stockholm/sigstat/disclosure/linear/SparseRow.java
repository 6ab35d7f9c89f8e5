package se.stockholm.sigstat.disclosure.linear;

import java.util.Arrays;

/** An immutable sparse row of exact coefficients over numbered unknowns, sorted by column. */
public final class SparseRow {
  private final int[] cols;
  private final Rational[] vals;

  private SparseRow(int[] cols, Rational[] vals) {
    this.cols = cols;
    this.vals = vals;
  }

  /** A row from column → integer coefficient pairs; duplicate columns are added up. */
  public static SparseRow of(int[] columns, long[] coefficients) {
    Integer[] idx = new Integer[columns.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Integer.compare(columns[a], columns[b]));
    int[] c = new int[columns.length];
    Rational[] v = new Rational[columns.length];
    int n = 0;
    for (int k = 0; k < idx.length; k++) {
      int i = idx[k];
      Rational r = Rational.of(coefficients[i]);
      if (n > 0 && c[n - 1] == columns[i]) {
        v[n - 1] = v[n - 1].add(r);
        if (v[n - 1].isZero()) {
          n--;
        }
      } else if (!r.isZero()) {
        c[n] = columns[i];
        v[n] = r;
        n++;
      }
    }
    return new SparseRow(Arrays.copyOf(c, n), Arrays.copyOf(v, n));
  }

  public int size() {
    return cols.length;
  }

  public int column(int i) {
    return cols[i];
  }

  public Rational value(int i) {
    return vals[i];
  }

  /** The coefficient of {@code column}, zero if absent. */
  public Rational get(int column) {
    int i = Arrays.binarySearch(cols, column);
    return i < 0 ? Rational.ZERO : vals[i];
  }

  /** This row times {@code factor}. */
  public SparseRow scale(Rational factor) {
    Rational[] v = new Rational[vals.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = vals[i].multiply(factor);
    }
    return new SparseRow(cols, v);
  }

  /** This row plus {@code factor} × {@code other}, dropping coefficients that become zero. */
  public SparseRow plus(Rational factor, SparseRow other) {
    int[] c = new int[cols.length + other.cols.length];
    Rational[] v = new Rational[c.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < cols.length || j < other.cols.length) {
      int a = i < cols.length ? cols[i] : Integer.MAX_VALUE;
      int b = j < other.cols.length ? other.cols[j] : Integer.MAX_VALUE;
      Rational r;
      int col;
      if (a < b) {
        col = a;
        r = vals[i++];
      } else if (b < a) {
        col = b;
        r = other.vals[j++].multiply(factor);
      } else {
        col = a;
        r = vals[i++].add(other.vals[j++].multiply(factor));
      }
      if (!r.isZero()) {
        c[n] = col;
        v[n] = r;
        n++;
      }
    }
    return new SparseRow(Arrays.copyOf(c, n), Arrays.copyOf(v, n));
  }
}
