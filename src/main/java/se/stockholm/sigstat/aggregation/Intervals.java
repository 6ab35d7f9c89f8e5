package se.stockholm.sigstat.aggregation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** 95 % intervals and the Wilcoxon signed-rank p-value, computed per cell on the driver. */
public final class Intervals {
  /** The 97.5 % quantile of the standard normal distribution. */
  public static final double Z = 1.959963984540054;

  /** Below this many non-zero changes, without ties or zeros, the p-value is exact (as in R). */
  public static final int EXACT_WILCOXON_BELOW = 50;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

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
   * Two-sided p-value of Wilcoxon's signed-rank test of the changes given as a histogram (index i
   * counts change i - offset), as R's {@code wilcox.test(x, mu = 0, correct = TRUE)}: zero changes
   * are dropped; the exact distribution is used only with fewer than 50 changes, no ties and no
   * zeros; otherwise the normal approximation with tie-corrected variance and a continuity
   * correction of 1/2 towards the mean. Null without a non-zero change.
   */
  public static Double wilcoxon(double[] histogram, int offset) {
    boolean zeros = offset >= 0 && offset < histogram.length && histogram[offset] > 0;
    // Non-zero changes grouped by absolute value: a group shares the average of its ranks.
    int maxAbs = Math.max(offset, histogram.length - 1 - offset);
    long n = 0;
    double v = 0;
    double tieTerm = 0;
    boolean ties = false;
    for (int a = 1; a <= maxAbs; a++) {
      long positive = count(histogram, offset + a);
      long negative = count(histogram, offset - a);
      long t = positive + negative;
      if (t == 0) {
        continue;
      }
      double averageRank = n + (t + 1) / 2.0;
      v += positive * averageRank;
      tieTerm += (double) t * t * t - t;
      ties |= t > 1;
      n += t;
    }
    if (n == 0) {
      return null;
    }
    double mean = n * (n + 1) / 4.0;
    if (n < EXACT_WILCOXON_BELOW && !ties && !zeros) {
      double p =
          v > mean ? 1 - signedRankCdf((int) v - 1, (int) n) : signedRankCdf((int) v, (int) n);
      return Math.min(1, 2 * p);
    }
    double sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - tieTerm / 48);
    double z = v - mean;
    z = (z - Math.signum(z) * 0.5) / sigma;
    return Math.min(
        1, 2 * Math.min(NORMAL.cumulativeProbability(z), NORMAL.cumulativeProbability(-z)));
  }

  /**
   * P(V <= q) for the signed-rank statistic of n changes without ties (R's {@code psignrank}): the
   * number of subsets of the ranks 1..n whose sum is at most q, over 2^n.
   */
  static double signedRankCdf(int q, int n) {
    int max = n * (n + 1) / 2;
    if (q < 0) {
      return 0;
    }
    if (q >= max) {
      return 1;
    }
    double[] ways = new double[max + 1];
    ways[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int s = max; s >= rank; s--) {
        ways[s] += ways[s - rank];
      }
    }
    double below = 0;
    for (int s = 0; s <= q; s++) {
      below += ways[s];
    }
    return below / Math.pow(2, n);
  }

  private static long count(double[] histogram, int index) {
    return index >= 0 && index < histogram.length ? (long) histogram[index] : 0;
  }
}
