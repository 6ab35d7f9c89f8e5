package se.stockholm.sigstat.failure;

/** The call or the job file is wrong (a path, a key, an option): fix the call, exit code 2. */
public final class ConfigurationException extends SigstatException {
  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
