package se.stockholm.sigstat.bench;

import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.spark.SparkWork;

/**
 * Runs a stage: warm-up runs (not timed), then the timed ones, tracking the heap peak and the Spark
 * jobs.
 */
final class StageRunner {
  /** One execution of a stage; returns the rows it took in. */
  @FunctionalInterface
  interface Stage {
    long run() throws Exception;
  }

  private final int warmUps;
  private final int runs;

  private final SparkWork work;

  /**
   * @param work counts the Spark jobs of each stage, or null before Spark has started
   */
  StageRunner(int warmUps, int runs, SparkWork work) {
    this.warmUps = warmUps;
    this.runs = runs;
    this.work = work;
  }

  StageRunner counting(SparkWork sparkWork) {
    return new StageRunner(warmUps, runs, sparkWork);
  }

  StageTiming measure(String name, Stage stage) throws Exception {
    System.err.printf("bench: %s ...%n", name);
    long rows = 0;
    List<Double> seconds = new ArrayList<>();
    long peak;
    long live;
    long jobs = -1;
    try (HeapPeak heap = new HeapPeak()) {
      for (int i = 0; i < warmUps + runs; i++) {
        SparkWork.Counts before = work == null ? null : work.counts();
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        rows = stage.run();
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        if (work != null) {
          jobs = work.counts().since(before).jobs();
        }
        if (i >= warmUps) {
          seconds.add(s);
        }
        // CPU time of the whole process (JIT and GC included): steadier than wall time when
        // the machine is shared.
        System.err.printf(
            "bench: %s %s %.2f s (CPU %.2f s)%n",
            name, i < warmUps ? "uppvärmning" : "körning", s, cpu);
      }
      peak = heap.bytes();
      live = heap.liveBytes();
    }
    return new StageTiming(name, rows, seconds, peak, live, jobs);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
