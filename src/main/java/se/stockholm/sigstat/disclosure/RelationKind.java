package se.stockholm.sigstat.disclosure;

/**
 * How exactly a relation holds. Elimination takes every relation as exact (the safe side: it can
 * only find more); bounds use what an intruder can rely on, so that contradictions from persons
 * counted twice do not hide a real recovery.
 */
enum RelationKind {
  /** Σ coefficient × figure = 0 always (kön lines, partitions, the same figure twice). */
  EXACT,
  /**
   * A line whose total (coefficient +1) is at most the sum of its parts and at least each part: a
   * person can be in two parts (moved, changed verksamhet, had a birthday, two new episodes).
   */
  LINE,
  /** The first figure (coefficient +1) is at most the sum of the others; nothing more. */
  AT_MOST
}
