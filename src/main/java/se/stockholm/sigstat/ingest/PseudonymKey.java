package se.stockholm.sigstat.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import se.stockholm.sigstat.failure.ConfigurationException;

/** The secret pseudonymisation key: from a file or the environment, never from the data. */
public final class PseudonymKey {
  /** Environment variable that holds the key when no key file is given. */
  public static final String ENV = "SIGSTAT_PSEUDONYM_KEY";

  private static final int MIN_LENGTH = 16;

  private final byte[] bytes;

  private PseudonymKey(byte[] bytes) {
    if (bytes.length < MIN_LENGTH) {
      throw new ConfigurationException(
          "Pseudonymiseringsnyckeln är för kort: minst " + MIN_LENGTH + " tecken krävs");
    }
    this.bytes = bytes.clone();
  }

  public static PseudonymKey of(String secret) {
    return new PseudonymKey(secret.trim().getBytes(StandardCharsets.UTF_8));
  }

  public static PseudonymKey fromFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("Nyckelfilen " + file + " finns inte");
    }
    return of(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * The key file if given, else the environment variable; fails with a clear message if neither.
   */
  public static PseudonymKey resolve(Path keyFile) throws IOException {
    return resolve(keyFile, System::getenv);
  }

  /** As {@link #resolve(Path)}, with the environment given (tests). */
  static PseudonymKey resolve(Path keyFile, UnaryOperator<String> environment) throws IOException {
    if (keyFile != null) {
      return fromFile(keyFile);
    }
    String env = environment.apply(ENV);
    if (env != null && !env.isBlank()) {
      return of(env);
    }
    throw new ConfigurationException(
        "Ingen pseudonymiseringsnyckel: ange --key-file eller miljövariabeln " + ENV);
  }

  /** Writes a new random key readable by the owner only (for demo installations). */
  public static Path generate(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the file keeps the default permissions.
    }
    return file;
  }

  byte[] bytes() {
    return bytes.clone();
  }
}
