package se.stockholm.sigstat.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.disclosure.linear.Rational;
import se.stockholm.sigstat.disclosure.linear.SparseRow;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * The audit acts as an intruder on a published table: from the published cells alone it tries to
 * compute every hidden count with the declared relations and linear algebra over all of them at
 * once, looks for published small counts and for published cells that give a hidden count away, and
 * checks every derived value against its counts. Findings are in Swedish.
 */
public final class DisclosureAudit {
  private static final int MAX_FINDINGS = 50;
  private final FollowUpModel model;
  private final FrequencyRule rule;

  public DisclosureAudit(FollowUpModel model, FrequencyRule rule) {
    this.model = model;
    this.rule = rule;
  }

  public AuditResult check(ProtectedTable table) {
    return check(table.cells(), table.periods(), table.indelning());
  }

  public AuditResult check(
      List<ProtectedCell> cells, Map<String, ReportingPeriod> periods, LocalDate indelning) {
    List<String> findings = new ArrayList<>();
    List<CellKey> keys = cells.stream().map(ProtectedCell::key).toList();
    LinkedTables linked = LinkedTables.of(keys, periods, indelning, model);
    Rational[] values = PublishedFigures.of(linked, cells);
    int figures = linked.figures().size();
    BitSet sensitive = new BitSet();
    int[] ownerOf = new int[figures];
    java.util.Arrays.fill(ownerOf, -1);
    int primary = 0;
    int secondary = 0;
    int nonEmpty = 0;
    Map<String, int[]> loss = new LinkedHashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      ProtectedCell cell = cells.get(c);
      CellStatus s = cell.status();
      int[] l = loss.computeIfAbsent(cell.key().measure(), m -> new int[2]);
      if (s != CellStatus.EMPTY) {
        nonEmpty++;
        l[0]++;
      }
      if (s.isSuppressed()) {
        l[1]++;
        if (s == CellStatus.PRIMARY) {
          primary++;
        } else {
          secondary++;
        }
        if (hasValues(cell)) {
          findings.add("prickad cell har värden: " + describe(cell.key()));
        }
        for (int f : linked.own(c)) {
          sensitive.set(f);
          ownerOf[f] = ownerOf[f] < 0 ? c : ownerOf[f];
        }
      }
    }
    for (int c = 0; c < cells.size(); c++) {
      ProtectedCell cell = cells.get(c);
      if (cell.status().isSuppressed() || cell.status() == CellStatus.EMPTY) {
        continue;
      }
      for (int f : linked.revealed(c)) {
        FigureKey fk = linked.figures().get(f);
        Rational v = values[f];
        if (fk.isCount() && v != null && rule.unsafe(v.doubleValue())) {
          findings.add(
              "publicerat antal "
                  + v
                  + " < "
                  + rule.minFrequency()
                  + ": "
                  + fk
                  + " (i "
                  + describe(cell.key())
                  + ")");
        }
        if (sensitive.get(f)) {
          findings.add(
              "publicerad cell visar ett prickat antal (" + fk + "): " + describe(cell.key()));
        }
      }
    }
    Map<Integer, SparseRow> determined = recoveries(linked, cells, values);
    for (Map.Entry<Integer, SparseRow> e : determined.entrySet()) {
      Rational value = solve(e.getKey(), e.getValue(), values);
      findings.add(
          "prickat antal kan räknas fram"
              + (value == null ? "" : " (= " + value + ")")
              + ": "
              + linked.figures().get(e.getKey())
              + " i "
              + describe(keys.get(ownerOf[e.getKey()])));
    }
    // Bounds: counts are not negative, a P count lies in 1..k − 1, and the relations hold as
    // declared (person lines as total ≤ Σ parts). The protection checks the same with more (the
    // kinds of relation that always add up in the run taken as exact), so a count pinned here is
    // a leak. Sums of changes are left out: the promise is about numbers of persons (the counts
    // behind a sum are checked themselves), and the small runs of the tests pin some sums.
    int recovered = determined.size();
    BitSet pinned = RangeCheck.pinnedCounts(linked, cells, model, rule.minFrequency());
    for (int f = pinned.nextSetBit(0); f >= 0; f = pinned.nextSetBit(f + 1)) {
      if (!determined.containsKey(f)) {
        recovered++;
        findings.add(
            "prickat antal kan avgränsas till ett enda värde: "
                + linked.figures().get(f)
                + " i "
                + describe(keys.get(ownerOf[f])));
      }
    }
    findings.addAll(DerivedValueChecks.check(cells, linked, values, model));
    Map<String, AuditResult.Loss> perMeasure = new LinkedHashMap<>();
    loss.forEach((m, l) -> perMeasure.put(m, new AuditResult.Loss(l[0], l[1])));
    return new AuditResult(
        cells.size(),
        nonEmpty,
        primary,
        secondary,
        linked.relationCount(),
        recovered,
        findings.size() > MAX_FINDINGS ? findings.subList(0, MAX_FINDINGS) : findings,
        perMeasure);
  }

  /**
   * The hidden figures (counts of suppressed cells) that the declared relations determine from the
   * published ones, each with its certificate; a value no count can have is a contradiction between
   * relations taken as exact, not a recovery.
   */
  Map<Integer, SparseRow> recoveries(
      LinkedTables linked, List<ProtectedCell> cells, Rational[] values) {
    BitSet unknown = new BitSet();
    unknown.set(0, linked.figures().size());
    BitSet sensitive = new BitSet();
    BitSet primaryCounts = new BitSet();
    for (int c = 0; c < cells.size(); c++) {
      CellStatus s = cells.get(c).status();
      if (s.isSuppressed()) {
        boolean countCell =
            model.measure(cells.get(c).key().measure()).kind()
                == se.stockholm.sigstat.model.MeasureKind.COUNT;
        for (int f : linked.own(c)) {
          sensitive.set(f);
          if (s == CellStatus.PRIMARY && countCell) {
            primaryCounts.set(f);
          }
        }
      } else if (s != CellStatus.EMPTY) {
        // An empty cell's zeros are left out: with every relation taken as exact they "recover"
        // zeros that persons counted twice make untrue (the protection still uses them).
        for (int f : linked.revealed(c)) {
          unknown.clear(f);
        }
      }
    }
    Map<Integer, SparseRow> determined = linked.recoverability().determined(unknown, sensitive);
    determined
        .entrySet()
        .removeIf(
            e ->
                impossible(
                    solve(e.getKey(), e.getValue(), values),
                    linked.figures().get(e.getKey()),
                    primaryCounts.get(e.getKey())));
    return determined;
  }

  /** A computed count that is negative, not whole, or a primary count outside 1..k − 1. */
  private boolean impossible(Rational value, FigureKey f, boolean primaryCount) {
    if (value == null || !f.isCount()) {
      return false;
    }
    double v = value.doubleValue();
    return v < 0 || v != Math.rint(v) || primaryCount && (v < 1 || v > rule.minFrequency() - 1);
  }

  /** x = −Σ coefficient × known value, or null when a known value is not published as a number. */
  static Rational solve(int x, SparseRow certificate, Rational[] values) {
    Rational sum = Rational.ZERO;
    for (int i = 0; i < certificate.size(); i++) {
      int f = certificate.column(i);
      if (f == x) {
        continue;
      }
      if (values[f] == null) {
        return null;
      }
      sum = sum.subtract(certificate.value(i).multiply(values[f]));
    }
    return sum.divide(certificate.get(x));
  }

  private static boolean hasValues(ProtectedCell c) {
    return c.value() != null
        || c.numerator() != null
        || c.denominator() != null
        || c.low() != null
        || c.high() != null;
  }

  static String describe(CellKey k) {
    return k.period()
        + " "
        + k.measure()
        + (k.category().isEmpty() ? "" : "/" + k.category())
        + " "
        + k.district()
        + " "
        + k.activity()
        + " "
        + k.gender()
        + " "
        + k.ageBand();
  }
}
