package se.stockholm.sigstat.disclosure;

/** The disclosure status of a published cell, with its code in the statistik table. */
public enum CellStatus {
  /** Published. */
  SAFE("S"),
  /** Published zero. */
  ZERO("Z"),
  /** Primary suppression: too few individuals. */
  PRIMARY("P"),
  /** Secondary suppression: would let a suppressed cell be recomputed. */
  SECONDARY("M"),
  /** Empty: no denominator, nothing to show. */
  EMPTY("E");

  private final String code;

  CellStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public boolean isSuppressed() {
    return this == PRIMARY || this == SECONDARY;
  }

  public static CellStatus ofCode(String code) {
    for (CellStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Okänd status " + code);
  }
}
