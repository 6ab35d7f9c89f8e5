package se.stockholm.sigstat.disclosure;

/** The minimum cell count k: a count n with 0 < n < k may not be published. k = 1 turns it off. */
public record FrequencyRule(int minFrequency) {
  public FrequencyRule {
    if (minFrequency < 1) {
      throw new IllegalArgumentException("--min-cell (k) ska vara minst 1, inte " + minFrequency);
    }
  }

  public boolean unsafe(double count) {
    return count > 0 && count < minFrequency;
  }

  public boolean tooSmallDenominator(double n) {
    return n < minFrequency;
  }
}
