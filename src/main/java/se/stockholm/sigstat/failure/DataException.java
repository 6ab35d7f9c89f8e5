package se.stockholm.sigstat.failure;

/**
 * Data sigstat relies on is damaged or unusable (a warehouse file missing or changed, a published
 * table that no longer parses): nothing is published, exit code 1.
 */
public final class DataException extends SigstatException {
  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
