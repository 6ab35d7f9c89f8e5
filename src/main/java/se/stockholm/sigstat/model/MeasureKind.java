package se.stockholm.sigstat.model;

/** How a measure is protected against disclosure (see data-schema/measures.yaml). */
public enum MeasureKind {
  /** A number of persons or episodes. */
  COUNT,
  /** A numerator over a denominator; the numerator is a count. */
  SHARE,
  /** A mean, quantile, rate, cost or p-value, computed from a count in the same cell. */
  DERIVED,
  /** Money or FTEs: not about individuals. */
  AMOUNT;

  public boolean isCountLike() {
    return this == COUNT || this == SHARE;
  }
}
