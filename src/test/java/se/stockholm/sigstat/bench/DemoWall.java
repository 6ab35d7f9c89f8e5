package se.stockholm.sigstat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import se.stockholm.sigstat.io.AtomicFiles;

/**
 * The wall time of {@code ./sigstat demo} as a user sees it: the launcher in a process of its own
 * (JVM start, class-data archive, Spark start, generate, nightly run), not a stage inside the
 * benchmark's warm JVM.
 */
final class DemoWall {
  /** The launcher sets this for the benchmark; without it there is nothing to time. */
  static final String LAUNCHER_ENV = "SIGSTAT_LAUNCHER";

  private DemoWall() {}

  static boolean available() {
    String launcher = System.getenv(LAUNCHER_ENV);
    return launcher != null && Files.isExecutable(Path.of(launcher));
  }

  /** Warm-ups (the first may write the class-data archive) and then the timed runs. */
  static StageTiming measure(Path work, int warmUps, int runs)
      throws IOException, InterruptedException {
    String launcher = System.getenv(LAUNCHER_ENV);
    Path dir = work.resolve("demo");
    Path log = work.resolve("demo.log");
    List<Double> seconds = new ArrayList<>();
    long rows = 0;
    System.err.println("bench: demo ...");
    for (int i = 0; i < warmUps + runs; i++) {
      AtomicFiles.deleteTree(dir);
      long t0 = System.nanoTime();
      Process p =
          new ProcessBuilder(launcher, "demo", "--dir", dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      int code = p.waitFor();
      double s = (System.nanoTime() - t0) / 1e9;
      if (code != 0) {
        throw new IllegalStateException("./sigstat demo slutade med kod " + code + ", se " + log);
      }
      rows = dataRows(dir.resolve("leveranser"));
      if (i >= warmUps) {
        seconds.add(s);
      }
      System.err.printf("bench: demo %s %.2f s%n", i < warmUps ? "uppvärmning" : "körning", s);
    }
    return new StageTiming("demo (ny process)", rows, seconds, 0, 0, -1);
  }

  /** Data rows of every delivery file (header lines not counted). */
  private static long dataRows(Path leveranser) throws IOException {
    long rows = 0;
    try (Stream<Path> files = Files.walk(leveranser)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        try (Stream<String> lines = Files.lines(f, StandardCharsets.ISO_8859_1)) {
          rows += Math.max(0, lines.count() - 1);
        }
      }
    }
    return rows;
  }
}
