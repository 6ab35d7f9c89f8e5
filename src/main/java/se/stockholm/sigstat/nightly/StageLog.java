package se.stockholm.sigstat.nightly;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line per stage with counts and elapsed time, on stderr and in the run's log file; the stage
 * times also go to the manifest.
 */
public final class StageLog implements Closeable {
  private final BufferedWriter file;
  private final Map<String, Long> millis = new LinkedHashMap<>();

  public StageLog(Path logFile) throws IOException {
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    this.file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
  }

  /** A line on stderr and in the run log. */
  public synchronized void line(String text) {
    String line = stamped(text);
    System.err.println(line);
    write(line);
  }

  /** A line in the run log only (the screen gets its own, shorter account). */
  public synchronized void fileOnly(String text) {
    write(stamped(text));
  }

  /** The full stack trace of a failure, in the run log only: never on the user's screen. */
  public synchronized void trace(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    write(trace.toString().stripTrailing());
  }

  /** Logs a finished stage: name, what it did, and how long it took since {@code startNanos}. */
  public void stage(String name, String summary, long startNanos) {
    stageTook(name, summary, (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Logs a finished stage whose time was measured elsewhere. */
  public void stageTook(String name, String summary, long ms) {
    millis.put(name, ms);
    line(String.format("%-10s %s (%.1f s)", name, summary, ms / 1000.0));
  }

  private static String stamped(String text) {
    return LocalTime.now(java.time.ZoneId.of("Europe/Stockholm"))
            .format(DateTimeFormatter.ofPattern("HH:mm:ss"))
        + " "
        + text;
  }

  private void write(String line) {
    try {
      file.write(line);
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      System.err.println("Kan inte skriva körloggen: " + e.getMessage());
    }
  }

  public Map<String, Long> stageMillis() {
    return millis;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
