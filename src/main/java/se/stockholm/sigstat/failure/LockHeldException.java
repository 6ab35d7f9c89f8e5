package se.stockholm.sigstat.failure;

/** Another run holds the warehouse's lock: this one did nothing, exit code 4. */
public final class LockHeldException extends SigstatException {
  public LockHeldException(String message) {
    super(message);
  }
}
