package se.stockholm.sigstat.failure;

/**
 * A failure sigstat expects and can explain: its message is one line in Swedish for the person who
 * ran the command, and its type alone decides the exit code (mapped in the CLI's one handler).
 */
public abstract class SigstatException extends RuntimeException {
  protected SigstatException(String message) {
    super(message);
  }

  protected SigstatException(String message, Throwable cause) {
    super(message, cause);
  }
}
