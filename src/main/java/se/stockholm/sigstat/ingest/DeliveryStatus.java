package se.stockholm.sigstat.ingest;

/**
 * What became of a district's delivery: the one status the ingest decides, the delivery log
 * records, the run's leveranser.json carries and the reports show. The names are the ones written
 * to the delivery log, manifest.json and leveranser.json, so they are Swedish and never renamed.
 */
public enum DeliveryStatus {
  /** Published: now the district's live snapshot. */
  PUBLICERAD,
  /** Same bytes as the live snapshot: not read again, never written to the delivery log. */
  OFORANDRAD,
  /** Rejected (a file-level fault or too many rejected rows); the previous snapshot stays. */
  AVVISAD;

  /** True for a delivery that is, or has become, the district's live snapshot. */
  public boolean isPublished() {
    return this == PUBLICERAD;
  }

  /** True for a delivery that was rejected. */
  public boolean isRejected() {
    return this == AVVISAD;
  }
}
