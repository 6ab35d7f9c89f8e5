package se.stockholm.sigstat.nightly;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
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

  public synchronized void line(String text) {
    String line =
        LocalTime.now(java.time.ZoneId.of("Europe/Stockholm"))
                .format(DateTimeFormatter.ofPattern("HH:mm:ss"))
            + " "
            + text;
    System.err.println(line);
    try {
      file.write(line);
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      System.err.println("Kan inte skriva körloggen: " + e.getMessage());
    }
  }

  /** Logs a finished stage: name, what it did, and how long it took since {@code startNanos}. */
  public void stage(String name, String summary, long startNanos) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    millis.put(name, ms);
    line(String.format("%-10s %s (%.1f s)", name, summary, ms / 1000.0));
  }

  public Map<String, Long> stageMillis() {
    return millis;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
