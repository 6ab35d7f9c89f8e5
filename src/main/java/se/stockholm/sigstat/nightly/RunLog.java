package se.stockholm.sigstat.nightly;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The logger of one nightly run: its lines (the stage summaries and what befell the user's data, in
 * Swedish) go through SLF4J, with the run id in the MDC, to the screen, and into the run's log
 * file, which also gets the full stack trace of a failure; the stage times also go to the manifest.
 * Diagnostics of the stages themselves are English, at DEBUG, in their own classes.
 */
public final class RunLog implements Closeable {
  /** The MDC key of the run id, printed by the console layout (log4j2.properties). */
  public static final String RUN_ID = "run";

  private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Stockholm"));

  private final BufferedWriter file;
  private final Clock clock;
  private final Map<String, Long> millis = new LinkedHashMap<>();

  public RunLog(Path logFile, String runId, Clock clock) throws IOException {
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    this.file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
    this.clock = clock;
    MDC.put(RUN_ID, runId);
  }

  /** A line on the screen (through SLF4J) and in the run log. */
  public synchronized void line(String text) {
    LOG.info(text);
    write(TIME.format(clock.instant()) + " " + text);
  }

  /**
   * A failure, in the run log only: its line and its full stack trace. The screen gets the CLI's
   * own one-line account of it, so it is never told twice and never shown a stack trace.
   */
  public synchronized void failure(String text, Throwable error) {
    write(TIME.format(clock.instant()) + " " + text);
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

  private void write(String line) {
    try {
      file.write(line);
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      LOG.warn("Cannot write the run log: {}", e.toString());
    }
  }

  public Map<String, Long> stageMillis() {
    return millis;
  }

  @Override
  public void close() throws IOException {
    MDC.remove(RUN_ID);
    file.close();
  }
}
