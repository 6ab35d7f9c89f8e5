package se.stockholm.sigstat.failure;

/** Exit codes a scheduler relies on (see README). */
public enum ExitCode {
  /** Everything done. */
  OK(0),
  /** Failed; nothing was published. Also: validate found bad rows. */
  FAILED(1),
  /** Wrong usage or configuration. */
  USAGE(2),
  /** Partial: a delivery was rejected; the rest was published. */
  PARTIAL(3),
  /** Another run holds the lock. */
  LOCKED(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
