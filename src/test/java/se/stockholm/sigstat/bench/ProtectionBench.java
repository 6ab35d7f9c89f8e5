package se.stockholm.sigstat.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.stockholm.sigstat.aggregation.AggregatedTable;
import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.disclosure.AuditResult;
import se.stockholm.sigstat.disclosure.DisclosureAudit;
import se.stockholm.sigstat.disclosure.DisclosureControl;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.disclosure.ProtectedTable;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.publish.StatistikFiles;

/**
 * Disclosure control alone, timed: reads the unprotected table of a run made with --min-cell 1
 * (every value published) and protects it with k, as the aggregation would.
 */
public final class ProtectionBench {
  private ProtectionBench() {}

  /** Protection of a k = 1 run's table with k: seconds and the audit's figures. */
  public static AuditResult run(Path unprotectedRun, int k, boolean verbose) throws Exception {
    FollowUpModel model = DataSchemaLoader.load();
    StatistikFiles.Published p = StatistikFiles.read(unprotectedRun);
    List<Cell> cells = new ArrayList<>();
    for (ProtectedCell c : p.cells()) {
      cells.add(
          Cell.finished(c.key(), c.value(), c.numerator(), c.denominator(), c.low(), c.high()));
    }
    AggregatedTable table =
        new AggregatedTable(cells, p.periods(), p.reportPeriods(), p.indelning());
    long t0 = System.nanoTime();
    DisclosureControl control = new DisclosureControl(model, new FrequencyRule(k));
    ProtectedTable t = control.protect(table);
    System.out.println("rounds " + control.rounds());
    long t1 = System.nanoTime();
    AuditResult a = new DisclosureAudit(model, new FrequencyRule(k)).check(t);
    long t2 = System.nanoTime();
    System.out.printf(
        "cells %d, non-empty %d, primary %d, secondary %d (%.1f %% suppressed), relations %d,"
            + " recovered %d; protect %.1f s, audit %.1f s%n",
        a.cells(),
        a.nonEmpty(),
        a.primary(),
        a.secondary(),
        100 * a.suppressedShare(),
        a.relations(),
        a.recovered(),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
    if (verbose) {
      Map<String, String> per = new TreeMap<>();
      a.loss()
          .forEach(
              (m, l) ->
                  per.put(
                      m,
                      String.format(
                          "%d/%d (%.0f %%)", l.suppressed(), l.nonEmpty(), 100 * l.share())));
      per.forEach((m, s) -> System.out.println("  " + m + ": " + s));
      a.findings().forEach(f -> System.out.println("  ! " + f));
    }
    if (System.getProperty("sigstat.bench.out") != null) {
      StatistikFiles.write(
          t, p.reportPeriods(), a, Path.of(System.getProperty("sigstat.bench.out")));
    }
    return a;
  }

  public static void main(String[] args) throws Exception {
    run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 5, true);
  }
}
