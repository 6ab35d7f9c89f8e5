package se.stockholm.sigstat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the full error of a failed command without a run log goes instead of the screen: a file in
 * the temporary folder, named by time and process.
 */
final class CrashLog {
  private CrashLog() {}

  /** Writes the stack trace and returns the file, or null if it could not be written. */
  static Path write(Throwable error, Clock clock) {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .format(ZonedDateTime.now(clock.withZone(ZoneId.of("Europe/Stockholm"))));
    Path file = dir.resolve("sigstat-fel-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    try {
      Files.createDirectories(dir);
      Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      return null;
    }
  }
}
