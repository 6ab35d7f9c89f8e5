package se.stockholm.sigstat.failure;

import java.nio.file.Path;

/**
 * A run failed for a reason outside the user's data and configuration (I/O, Spark, a bug) after the
 * full error was written to the run's log, which the message names: exit code 1.
 */
public final class RunFailedException extends SigstatException {
  private final Path log;

  public RunFailedException(String message, Path log, Throwable cause) {
    super(message, cause);
    this.log = log;
  }

  /** The log file holding the full error. */
  public Path log() {
    return log;
  }
}
