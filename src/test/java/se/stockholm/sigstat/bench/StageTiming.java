package se.stockholm.sigstat.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One stage's measurements: seconds of each timed run, rows in, peak and live heap, and the Spark
 * jobs of its last run (-1 when the stage does not use Spark).
 */
record StageTiming(
    String stage,
    long rowsIn,
    List<Double> seconds,
    long peakHeapBytes,
    long liveHeapBytes,
    long sparkJobs) {
  double median() {
    List<Double> s = new ArrayList<>(seconds);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  double min() {
    return Collections.min(seconds);
  }

  double max() {
    return Collections.max(seconds);
  }

  double rowsPerSecond() {
    return rowsIn / median();
  }
}
