package se.stockholm.sigstat.disclosure;

import se.stockholm.sigstat.aggregation.CellKey;

/** A published cell: values are null when suppressed (P, M) or empty (E). */
public record ProtectedCell(
    CellKey key,
    Double value,
    Double numerator,
    Double denominator,
    Double low,
    Double high,
    CellStatus status) {}
