package se.stockholm.sigstat.bench;

import java.util.ArrayList;
import java.util.List;

/** Runs a stage: warm-up runs (not timed), then the timed ones, tracking the heap peak. */
final class StageRunner {
  /** One execution of a stage; returns the rows it took in. */
  @FunctionalInterface
  interface Stage {
    long run() throws Exception;
  }

  private final int warmUps;
  private final int runs;

  StageRunner(int warmUps, int runs) {
    this.warmUps = warmUps;
    this.runs = runs;
  }

  StageTiming measure(String name, Stage stage) throws Exception {
    System.err.printf("bench: %s ...%n", name);
    long rows = 0;
    List<Double> seconds = new ArrayList<>();
    long peak;
    long live;
    try (HeapPeak heap = new HeapPeak()) {
      for (int i = 0; i < warmUps + runs; i++) {
        long t0 = System.nanoTime();
        rows = stage.run();
        double s = (System.nanoTime() - t0) / 1e9;
        if (i >= warmUps) {
          seconds.add(s);
        }
        System.err.printf(
            "bench: %s %s %.2f s%n", name, i < warmUps ? "uppvärmning" : "körning", s);
      }
      peak = heap.bytes();
      live = heap.liveBytes();
    }
    return new StageTiming(name, rows, seconds, peak, live);
  }
}
