package se.stockholm.sigstat.model;

import java.util.List;

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

  /** The count fields a published cell owns unless measures.yaml says otherwise. */
  public List<String> defaultCounts() {
    return switch (this) {
      case COUNT -> List.of("varde");
      case SHARE -> List.of("taljare");
      default -> List.of();
    };
  }

  public boolean isCountLike() {
    return this == COUNT || this == SHARE;
  }
}
