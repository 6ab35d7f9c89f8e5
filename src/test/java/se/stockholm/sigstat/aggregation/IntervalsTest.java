package se.stockholm.sigstat.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Wilcoxon signed-rank p-value against R's {@code wilcox.test(x, mu = 0, correct = TRUE)},
 * worked out by hand (in the comments) and checked with an independent Python implementation.
 */
class IntervalsTest {
  private static final int OFFSET = LifeSituationChange.MAX_STEP;

  /** A histogram of changes -3..3 from the values given. */
  private static double[] changes(int... values) {
    double[] h = new double[2 * OFFSET + 1];
    for (int v : values) {
      h[v + OFFSET]++;
    }
    return h;
  }

  private static int[] repeat(int value, int times, int... more) {
    int[] out = new int[times + more.length];
    java.util.Arrays.fill(out, 0, times, value);
    System.arraycopy(more, 0, out, times, more.length);
    return out;
  }

  @Test
  void tiedChangesUseTheNormalApproximationAndNeverExceedOne() {
    // Ranks 2.5 each, V = 5 = n(n+1)/4: z = 0, p = 1 (the exact path without ties gave 1.125).
    assertThat(Intervals.wilcoxon(changes(1, 1, -1, -1), OFFSET)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void tieCorrectedVarianceAndContinuityCorrectionTowardsTheMean() {
    // n = 16, all ranks 8.5: V = 12 * 8.5 = 102, mean 68, var = 16*17*33/24 - (16^3-16)/48 = 289,
    // z = (34 - 0.5) / 17 = 1.970588, p = 2 * (1 - Phi(z)) = 0.048771.
    int[] x = repeat(1, 12, -1, -1, -1, -1);
    assertThat(Intervals.wilcoxon(changes(x), OFFSET)).isCloseTo(0.0487710, within(1e-6));
  }

  @Test
  void onlyOneTieMakesTheTestApproximate() {
    // |1| twice: ranks 1.5, 1.5, 3, 4; V = 8.5, mean 5, var = 7.5 - 6/48 = 7.375,
    // z = 3 / sqrt(7.375) = 1.104689, p = 0.269294.
    assertThat(Intervals.wilcoxon(changes(1, 2, 3, -1), OFFSET)).isCloseTo(0.269294, within(1e-6));
  }

  @Test
  void aZeroChangeIsDroppedButMakesTheTestApproximate() {
    // Without the zero: ranks 2, 1, 3, V = 4, mean 3, var = 3.5, z = 0.5 / sqrt(3.5),
    // p = 0.789268 (the exact test would give 0.75).
    assertThat(Intervals.wilcoxon(changes(-2, 1, 3, 0), OFFSET)).isCloseTo(0.789268, within(1e-6));
  }

  @Test
  void exactWithoutTiesOrZeros() {
    // Ranks 3, 1, 2; V = 5 of sums {0,1,2,3,3,4,5,6}: P(V >= 5) = 2/8, p = 0.5.
    assertThat(Intervals.wilcoxon(changes(3, -1, 2), OFFSET)).isCloseTo(0.5, within(1e-12));
    // V = 6: P(V >= 6) = 1/8, p = 0.25.
    assertThat(Intervals.wilcoxon(changes(3, 1, 2), OFFSET)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void noNonZeroChangeHasNoPValue() {
    assertThat(Intervals.wilcoxon(changes(0, 0, 0), OFFSET)).isNull();
    assertThat(Intervals.wilcoxon(changes(), OFFSET)).isNull();
  }

  @Test
  void signedRankDistributionCountsSubsetsOfRanks() {
    // n = 5: subsets with sum <= 3 are {}, {1}, {2}, {3}, {1,2}: 5 / 32.
    assertThat(Intervals.signedRankCdf(3, 5)).isCloseTo(5 / 32.0, within(1e-15));
    assertThat(Intervals.signedRankCdf(15, 5)).isEqualTo(1.0);
    assertThat(Intervals.signedRankCdf(-1, 5)).isZero();
  }

  @Test
  void everyPValueLiesBetweenZeroAndOne() {
    // Every histogram with 0..3 changes of each value -3..3.
    for (int code = 0; code < 1 << 14; code++) {
      double[] h = new double[2 * OFFSET + 1];
      for (int i = 0; i < h.length; i++) {
        h[i] = (code >> (2 * i)) & 3;
      }
      Double p = Intervals.wilcoxon(h, OFFSET);
      if (p != null) {
        assertThat(p).as(java.util.Arrays.toString(h)).isBetween(0.0, 1.0);
      }
    }
  }
}
