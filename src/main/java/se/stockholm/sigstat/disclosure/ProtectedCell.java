package se.stockholm.sigstat.disclosure;

import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.aggregation.CellKey;

/** A published cell: values are null when suppressed (P, M) or empty (E). */
public record ProtectedCell(
    CellKey key,
    Double value,
    Double numerator,
    Double denominator,
    Double low,
    Double high,
    CellStatus status) {

  /** The computed cell as published with this status: no values when hidden or empty. */
  public static ProtectedCell of(Cell c, CellStatus status) {
    return status.isSuppressed() || status == CellStatus.EMPTY
        ? new ProtectedCell(c.key(), null, null, null, null, null, status)
        : new ProtectedCell(
            c.key(), c.value(), c.numerator(), c.denominator(), c.low(), c.high(), status);
  }
}
