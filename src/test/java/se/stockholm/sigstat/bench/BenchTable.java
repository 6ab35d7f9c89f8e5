package se.stockholm.sigstat.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark's printed table: one line per stage. */
final class BenchTable {
  private static final double GIB = 1024.0 * 1024 * 1024;

  private BenchTable() {}

  static String render(
      int persons,
      int runs,
      int warmUps,
      String master,
      List<StageTiming> timings,
      String comparison) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "sigstat bench: %,d personer; median av %d körningar "
                + "efter %d uppvärmning; Spark %s; Java %s; %d kärnor; -Xmx %.1f GiB%n",
            persons,
            runs,
            warmUps,
            master == null ? "local[*]" : master,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() / GIB));
    b.append(
        String.format(
            Locale.ROOT,
            "%-16s %12s %9s %9s %9s %12s %10s %10s %11s%n",
            "steg",
            "rader in",
            "median s",
            "min s",
            "max s",
            "rader/s",
            "max heap",
            "levande",
            "Spark-jobb"));
    for (StageTiming t : timings) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-16s %,12d %9.2f %9.2f %9.2f %,12.0f %10s %10s %11s%n",
              t.stage(),
              t.rowsIn(),
              t.median(),
              t.min(),
              t.max(),
              t.rowsIn() == 0 ? 0 : t.rowsPerSecond(),
              gigabytes(t.peakHeapBytes()),
              gigabytes(t.liveHeapBytes()),
              t.sparkJobs() < 0 ? "-" : Long.toString(t.sparkJobs())));
    }
    b.append("max heap: största heap före en skräpsamling; levande: största heap kvar efter en")
        .append(System.lineSeparator());
    b.append("skydd, granskning: delar av aggregate (röjandekontroll); rader in = tabellens celler")
        .append(System.lineSeparator());
    b.append(comparison).append(System.lineSeparator());
    return b.toString();
  }

  private static String gigabytes(long bytes) {
    return bytes == 0 ? "-" : String.format(Locale.ROOT, "%.2f GiB", bytes / GIB);
  }
}
