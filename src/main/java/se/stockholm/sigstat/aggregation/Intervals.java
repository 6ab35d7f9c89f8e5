package se.stockholm.sigstat.aggregation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/** 95 % intervals and the Wilcoxon signed-rank p-value, computed per cell on the driver. */
public final class Intervals {
  /** The 97.5 % quantile of the standard normal distribution. */
  public static final double Z = 1.959963984540054;

  /** Up to this many non-zero differences the Wilcoxon p-value is exact (2^n enumeration). */
  public static final int EXACT_WILCOXON_MAX = 15;

  private Intervals() {}

  /** Wilson score interval for t successes out of n, or null for n = 0. */
  public static double[] wilson(double t, double n) {
    if (n <= 0) {
      return null;
    }
    double p = t / n;
    double z2 = Z * Z;
    double denom = 1 + z2 / n;
    double center = (p + z2 / (2 * n)) / denom;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
  }

  /**
   * Newcombe's hybrid score interval (method 10) for the difference of two proportions t1/n1 −
   * t2/n2, built from the two Wilson intervals; null if either n is 0.
   */
  public static double[] newcombe(double t1, double n1, double t2, double n2) {
    double[] w1 = wilson(t1, n1);
    double[] w2 = wilson(t2, n2);
    if (w1 == null || w2 == null) {
      return null;
    }
    double p1 = t1 / n1;
    double p2 = t2 / n2;
    double d = p1 - p2;
    return new double[] {
      d - Math.sqrt(Math.pow(p1 - w1[0], 2) + Math.pow(w2[1] - p2, 2)),
      d + Math.sqrt(Math.pow(w1[1] - p1, 2) + Math.pow(p2 - w2[0], 2))
    };
  }

  /** Student's t interval for a mean, or null with fewer than two observations. */
  public static double[] tInterval(double mean, double sd, double n) {
    if (n < 2 || Double.isNaN(sd)) {
      return null;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    double half = t * sd / Math.sqrt(n);
    return new double[] {mean - half, mean + half};
  }

  /**
   * Two-sided Wilcoxon signed-rank p-value of the changes given as a histogram (index i counts
   * change i - offset). Zero changes are dropped, as in Wilcoxon's original test; exact for small
   * samples, normal approximation otherwise (commons-math3). Null without two non-zero changes.
   */
  public static Double wilcoxon(double[] histogram, int offset) {
    List<Double> changes = new ArrayList<>();
    for (int i = 0; i < histogram.length; i++) {
      int change = i - offset;
      for (long c = 0; c < (long) histogram[i] && change != 0; c++) {
        changes.add((double) change);
      }
    }
    int n = changes.size();
    if (n < 2) {
      return null;
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = changes.get(i);
    }
    return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, n <= EXACT_WILCOXON_MAX);
  }
}
