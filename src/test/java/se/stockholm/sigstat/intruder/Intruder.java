package se.stockholm.sigstat.intruder;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * An independent intruder on a published {@code statistik.csv}: it knows only the published cells
 * of a protected run, derives linear relations between cells from the structure of the table (lines
 * along every dimension, period sums, relations between measures, derived values), checks every
 * relation on an unprotected ({@code --min-cell 1}) run of the same data, and then solves the
 * linear system of all published cells exactly (rational arithmetic) to see whether any hidden
 * value is determined. It deliberately shares no code with the product's disclosure package.
 *
 * <p>Three attacks, reported side by side: <b>structural</b> (every relation class that is exact on
 * all its instances in the true table, plus the inequalities that always hold there: part <= total,
 * total <= sum of parts, and 1..k-1 for a primary-suppressed count); <b>conservative</b> (for
 * person counts only the kön lines and identities as equalities, every other line only as the union
 * bound total <= sum of parts, which holds for any data); <b>oracle</b> (also the instances of
 * inexact relations that happen to hold: what a lucky guess would give). Hidden values are
 * determined by exact Gauss-Jordan elimination over rationals, then by bound propagation on
 * integers. The exit code is 1 when the structural attack recovers a hidden cell's value or its
 * protected count (measures.yaml: counts).
 *
 * <p>Usage, from the repository root (target/classpath.txt is written by {@code mvn package}, i.e.
 * by the first {@code ./sigstat} call):
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -cp target/test-classes:$(cat target/classpath.txt) \
 *     se.stockholm.sigstat.intruder.Intruder PROTECTED_RUN_DIR TRUTH_RUN_DIR [REPORT_FILE] [--k K]
 * </pre>
 *
 * <p>TRUTH_RUN_DIR is {@code aggregate --min-cell 1} on the same warehouse and periods. k is read
 * from the protected run's manifest.json (default 5).
 */
public final class Intruder {

  /** kategori, stadsdel, verksamhet, kon, aldersgrupp and the code of each dimension's total. */
  static final String[] DIM_NAME = {"kategori", "stadsdel", "verksamhet", "kon", "aldersgrupp"};

  static final String[] DIM_TOTAL = {"ALLA", "STHLM", "ALLA", "ALLA", "ALLA"};

  /**
   * A relation found between families (measures, fields, periods) is trusted as structural only
   * with at least this many instances, all exact: with fewer, a coincidence is too likely (on the
   * demo, new relatives = new relatives of one målgrupp + current siblings holds on its 4 cells).
   * Below it, its exact instances are used in the oracle attack only.
   */
  static final int MIN_CROSS_SUPPORT = 10;

  private final PrintStream out;
  private final int k;

  // quantities
  final List<String> qKey = new ArrayList<>();
  final List<String> qClass = new ArrayList<>(); // matt|field
  final List<BigFraction> truth = new ArrayList<>();
  final List<BigFraction> published = new ArrayList<>(); // null when hidden
  final List<String> qStatus = new ArrayList<>();
  final Map<String, Integer> qIndex = new HashMap<>();
  // family (period|matt|field) -> coord5 -> q
  final Map<String, Map<String, Integer>> families = new LinkedHashMap<>();
  final Map<String, String[]> periodDates = new TreeMap<>();

  /** measure -> kind (count, share, derived, amount), from data-schema/measures.yaml. */
  final Map<String, String> kinds = new HashMap<>();

  /** measure -> the count fields a suppressed cell protects. */
  final Map<String, List<String>> protectedFields = new HashMap<>();

  /** Measures that count distinct persons: a person may fall in several parts of a line. */
  final Set<String> personMeasures = new HashSet<>();

  final Set<String> integral = new HashSet<>();
  final Set<String> nonNegative = new HashSet<>();

  /** A relation sum(c*q) = 0 (or <= 0). */
  record Rel(int[] q, int[] c, boolean eq, String cls) {}

  final List<Rel> candidates = new ArrayList<>();
  final Map<String, int[]> classStats = new TreeMap<>(); // cls -> {instances, exact, le, ge}
  int cells;
  int hiddenCells;
  final Map<String, Integer> hiddenByStatus = new TreeMap<>();
  int mismatches;
  final List<String> discovered = new ArrayList<>();

  Intruder(int k, PrintStream out) {
    this.k = k;
    this.out = out;
  }

  // ------------------------------------------------------------------ reading

  /** Reads each measure's kind and protected counts (what is published, not how it is guarded). */
  void readMeasures(Path measuresYaml) throws IOException {
    Pattern code = Pattern.compile("code: (\\w+), kind: (\\w+)");
    Pattern counts = Pattern.compile("counts: \\[([^\\]]*)\\]");
    for (String line : Files.readAllLines(measuresYaml, StandardCharsets.UTF_8)) {
      Matcher m = code.matcher(line);
      if (!m.find()) {
        continue;
      }
      kinds.put(m.group(1), m.group(2));
      Matcher u = Pattern.compile("unit: ([^,}]+)").matcher(line);
      if (u.find()
          && (u.group(1).trim().equals("individer") || u.group(1).trim().equals("anhöriga"))) {
        personMeasures.add(m.group(1));
      }
      Matcher c = counts.matcher(line);
      List<String> f = new ArrayList<>();
      if (c.find()) {
        for (String x : c.group(1).split(",")) {
          f.add(x.trim());
        }
      } else if (m.group(2).equals("count")) {
        f.add("varde");
      } else if (m.group(2).equals("share")) {
        f.add("taljare");
      }
      protectedFields.put(m.group(1), f);
    }
  }

  /** The fields whose values a hidden cell protects (default when the measure is unknown). */
  List<String> protectedOf(String matt) {
    return protectedFields.getOrDefault(matt, List.of("varde", "taljare"));
  }

  static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int j = 0; j < header.length; j++) {
        row.put(header[j], j < f.length ? f[j] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  static String cellKey(Map<String, String> r) {
    return r.get("period")
        + "|"
        + r.get("matt")
        + "|"
        + r.get("kategori")
        + "|"
        + r.get("stadsdel")
        + "|"
        + r.get("verksamhet")
        + "|"
        + r.get("kon")
        + "|"
        + r.get("aldersgrupp");
  }

  static String coord5(Map<String, String> r) {
    return r.get("kategori")
        + "|"
        + r.get("stadsdel")
        + "|"
        + r.get("verksamhet")
        + "|"
        + r.get("kon")
        + "|"
        + r.get("aldersgrupp");
  }

  static BigFraction parse(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    BigDecimal d = new BigDecimal(s.trim());
    return d.scale() <= 0
        ? new BigFraction(d.toBigInteger())
        : new BigFraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }

  /** The linear quantities a row carries: field name -> value (null when blank). */
  static Map<String, BigFraction> quantities(Map<String, String> r) {
    Map<String, BigFraction> m = new LinkedHashMap<>();
    BigFraction v = parse(r.get("varde"));
    BigFraction t = parse(r.get("taljare"));
    BigFraction n = parse(r.get("namnare"));
    BigFraction lo = parse(r.get("ki_lag"));
    BigFraction hi = parse(r.get("ki_hog"));
    String matt = r.get("matt");
    if (t != null) {
      m.put("taljare", t);
    }
    if (n != null) {
      m.put("namnare", n);
    }
    if (t == null && n == null && v != null) {
      m.put("varde", v); // a count or an amount
    }
    if (v != null && n != null && t == null) {
      if (matt.endsWith("_PER_10000")) {
        BigFraction c = v.multiply(n).divide(10000);
        BigInteger rounded = round(c);
        if (c.subtract(new BigFraction(rounded)).abs().doubleValue() < 0.01) {
          m.put("antal", new BigFraction(rounded));
        }
      } else if (matt.endsWith("_MEDEL")) {
        // the mean times n is the sum of changes (integers on every scale)
        BigFraction s = v.multiply(n);
        BigInteger sum = round(s);
        if (s.subtract(new BigFraction(sum)).abs().doubleValue() < 0.05) {
          m.put("summa", new BigFraction(sum));
          long nn = n.longValue();
          if (lo != null && hi != null && nn >= 2) {
            double half = hi.subtract(lo).doubleValue() / 2;
            double tq = new TDistribution(nn - 1).inverseCumulativeProbability(0.975);
            double sd = half * Math.sqrt(nn) / tq;
            double q = (nn - 1) * sd * sd + sum.doubleValue() * sum.doubleValue() / nn;
            long qr = Math.round(q);
            if (Math.abs(q - qr) < 0.2) {
              m.put("kvadratsumma", new BigFraction(qr));
            }
          }
        }
      }
    }
    return m;
  }

  static BigInteger round(BigFraction f) {
    return f.bigDecimalValue(0, BigDecimal.ROUND_HALF_UP).toBigInteger();
  }

  /** Loads the protected and the true table and builds the quantities. */
  List<Map<String, String>> truthRowsKept;

  Map<String, Map<String, String>> protKept;

  void load(Path protectedCsv, Path truthCsv) throws IOException {
    List<Map<String, String>> truthRows = readCsv(truthCsv);
    Map<String, Map<String, String>> prot = new HashMap<>();
    truthRowsKept = truthRows;
    protKept = prot;
    for (Map<String, String> r : readCsv(protectedCsv)) {
      prot.put(cellKey(r), r);
      cells++;
      String st = r.get("status");
      if ("P".equals(st) || "M".equals(st)) {
        hiddenCells++;
        hiddenByStatus.merge(st, 1, Integer::sum);
      }
    }
    for (Map<String, String> tr : truthRows) {
      String key = cellKey(tr);
      periodDates.put(
          tr.get("period"), new String[] {tr.get("period_start"), tr.get("period_slut")});
      Map<String, String> pr = prot.get(key);
      String status = pr == null ? "ABSENT" : pr.get("status");
      boolean hidden = pr == null || "P".equals(status) || "M".equals(status);
      Map<String, BigFraction> tq = quantities(tr);
      Map<String, BigFraction> pq = pr == null ? Map.of() : quantities(pr);
      for (Map.Entry<String, BigFraction> e : tq.entrySet()) {
        String field = e.getKey();
        String cls = tr.get("matt") + "|" + field;
        int id = qKey.size();
        qKey.add(key + "|" + field);
        qClass.add(cls);
        truth.add(e.getValue());
        qStatus.add(status);
        BigFraction pv = hidden ? null : pq.get(field);
        if (!hidden && pv == null) {
          pv = null; // published row without the derived field: treat as unknown
        }
        if (pv != null && !pv.equals(e.getValue())) {
          mismatches++;
        }
        published.add(pv);
        qIndex.put(key + "|" + field, id);
        families
            .computeIfAbsent(
                tr.get("period") + "|" + tr.get("matt") + "|" + field, x -> new HashMap<>())
            .put(coord5(tr), id);
      }
    }
    // integrality and sign of each class, judged on the true table
    Map<String, Boolean> isInt = new HashMap<>();
    Map<String, Boolean> isNonNeg = new HashMap<>();
    for (int i = 0; i < qKey.size(); i++) {
      BigFraction v = truth.get(i);
      isInt.merge(qClass.get(i), v.getDenominator().equals(BigInteger.ONE), Boolean::logicalAnd);
      isNonNeg.merge(qClass.get(i), v.getNumerator().signum() >= 0, Boolean::logicalAnd);
    }
    isInt.forEach(
        (c, b) -> {
          if (b) {
            integral.add(c);
          }
        });
    isNonNeg.forEach(
        (c, b) -> {
          if (b) {
            nonNegative.add(c);
          }
        });
  }

  /** A value of a suppressed (or missing) cell. */
  boolean isHidden(int q) {
    String st = qStatus.get(q);
    return "P".equals(st) || "M".equals(st) || "ABSENT".equals(st);
  }

  // ------------------------------------------------------------------ candidate relations

  void add(int[] q, int[] c, String cls) {
    candidates.add(new Rel(q, c, true, cls));
  }

  /** Total = sum of parts along each dimension, for every family. */
  void dimensionLines() {
    for (Map.Entry<String, Map<String, Integer>> fam : families.entrySet()) {
      String[] fk = fam.getKey().split("\\|");
      String matt = fk[1];
      String field = fk[2];
      for (int d = 0; d < 5; d++) {
        Map<String, List<Integer>> parts = new HashMap<>();
        Map<String, List<Integer>> partsSig = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        for (Map.Entry<String, Integer> e : fam.getValue().entrySet()) {
          String[] c = e.getKey().split("\\|", -1);
          String val = c[d];
          if (d == 0 && val.isEmpty()) {
            continue;
          }
          c[d] = "*";
          String rest = String.join("|", c);
          if (val.equals(DIM_TOTAL[d])) {
            totals.put(rest, e.getValue());
          } else {
            parts.computeIfAbsent(rest, x -> new ArrayList<>()).add(e.getValue());
            if (!val.equals("ANHORIGSTOD")) {
              partsSig.computeIfAbsent(rest, x -> new ArrayList<>()).add(e.getValue());
            }
          }
        }
        for (Map.Entry<String, Integer> t : totals.entrySet()) {
          List<Integer> p = parts.get(t.getKey());
          if (p == null || p.isEmpty()) {
            continue;
          }
          lineInstance(t.getValue(), p, matt + "|" + field + "|line:" + DIM_NAME[d]);
          List<Integer> ps = partsSig.get(t.getKey());
          if (d == 2 && ps != null && ps.size() < p.size() && !ps.isEmpty()) {
            lineInstance(t.getValue(), ps, matt + "|" + field + "|line:verksamhet-utan-anhorig");
          }
          for (int part : p) {
            // part <= total (persons): used as an inequality where it always holds
            candidates.add(
                new Rel(
                    new int[] {part, t.getValue()},
                    new int[] {1, -1},
                    false,
                    matt + "|" + field + "|part<=total:" + DIM_NAME[d]));
          }
        }
      }
    }
  }

  private void lineInstance(int total, List<Integer> parts, String cls) {
    int[] q = new int[parts.size() + 1];
    int[] c = new int[parts.size() + 1];
    q[0] = total;
    c[0] = 1;
    for (int i = 0; i < parts.size(); i++) {
      q[i + 1] = parts.get(i);
      c[i + 1] = -1;
    }
    add(q, c, cls);
  }

  /** A period = the sum of the periods that partition it (quarters in a year, ...). */
  void periodSums() {
    List<String> periods = new ArrayList<>(periodDates.keySet());
    Map<String, List<List<String>>> partitions = new HashMap<>();
    for (String p : periods) {
      String[] pd = periodDates.get(p);
      List<String> inside = new ArrayList<>();
      for (String o : periods) {
        String[] od = periodDates.get(o);
        if (!o.equals(p)
            && od[0].compareTo(pd[0]) >= 0
            && od[1].compareTo(pd[1]) <= 0
            && !(od[0].equals(pd[0]) && od[1].equals(pd[1]))) {
          inside.add(o);
        }
      }
      List<List<String>> chains = new ArrayList<>();
      chain(pd[0], pd[1], inside, new ArrayList<>(), chains);
      if (!chains.isEmpty()) {
        partitions.put(p, chains);
      }
    }
    for (Map.Entry<String, Map<String, Integer>> fam : families.entrySet()) {
      String[] fk = fam.getKey().split("\\|");
      List<List<String>> chains = partitions.get(fk[0]);
      if (chains == null) {
        continue;
      }
      for (List<String> ch : chains) {
        List<Map<String, Integer>> subs = new ArrayList<>();
        for (String s : ch) {
          subs.add(families.get(s + "|" + fk[1] + "|" + fk[2]));
        }
        if (subs.contains(null)) {
          continue;
        }
        for (Map.Entry<String, Integer> e : fam.getValue().entrySet()) {
          int[] q = new int[ch.size() + 1];
          int[] c = new int[ch.size() + 1];
          q[0] = e.getValue();
          c[0] = 1;
          boolean ok = true;
          for (int i = 0; i < subs.size(); i++) {
            Integer s = subs.get(i).get(e.getKey());
            if (s == null) {
              ok = false;
              break;
            }
            q[i + 1] = s;
            c[i + 1] = -1;
          }
          if (ok) {
            add(q, c, fk[1] + "|" + fk[2] + "|periodsum:" + ch.size());
          }
        }
      }
    }
  }

  private void chain(
      String from, String end, List<String> inside, List<String> acc, List<List<String>> result) {
    if (result.size() >= 8) {
      return;
    }
    for (String o : inside) {
      String[] od = periodDates.get(o);
      if (od[0].equals(from) && od[1].compareTo(end) <= 0) {
        acc.add(o);
        if (od[1].equals(end)) {
          result.add(new ArrayList<>(acc));
        } else {
          chain(java.time.LocalDate.parse(od[1]).plusDays(1).toString(), end, inside, acc, result);
        }
        acc.remove(acc.size() - 1);
      }
    }
  }

  /**
   * Relations between measures, fields and periods found in the true table: A = B and A = B + C
   * over families (period, measure, field, kategori) at the same stadsdel, verksamhet, kon and
   * åldersgrupp. Each is kept as its own class and judged like the others.
   */
  void crossDiscovery() {
    Map<String, Map<String, Integer>> ext = new HashMap<>();
    for (Map.Entry<String, Map<String, Integer>> fam : families.entrySet()) {
      for (Map.Entry<String, Integer> e : fam.getValue().entrySet()) {
        int bar = e.getKey().indexOf('|');
        String kat = e.getKey().substring(0, bar);
        ext.computeIfAbsent(fam.getKey() + "|" + kat, x -> new HashMap<>())
            .put(e.getKey().substring(bar + 1), e.getValue());
      }
    }
    List<String> names = new ArrayList<>(ext.keySet());
    names.sort(null);
    // coord4 -> value -> family indices
    Map<String, Map<BigFraction, List<Integer>>> byCoord = new HashMap<>();
    for (int f = 0; f < names.size(); f++) {
      for (Map.Entry<String, Integer> e : ext.get(names.get(f)).entrySet()) {
        byCoord
            .computeIfAbsent(e.getKey(), x -> new HashMap<>())
            .computeIfAbsent(truth.get(e.getValue()), x -> new ArrayList<>())
            .add(f);
      }
    }
    Set<String> seen = new HashSet<>();
    for (int a = 0; a < names.size(); a++) {
      Map<String, Integer> fa = ext.get(names.get(a));
      String anchor = null;
      BigFraction best = null;
      for (Map.Entry<String, Integer> e : fa.entrySet()) {
        BigFraction v = truth.get(e.getValue()).abs();
        if (best == null || v.compareTo(best) > 0) {
          best = v;
          anchor = e.getKey();
        }
      }
      if (anchor == null || best.getNumerator().signum() == 0 || fa.size() < 2) {
        continue;
      }
      BigFraction va = truth.get(fa.get(anchor));
      Map<BigFraction, List<Integer>> atAnchor = byCoord.get(anchor);
      // A = B
      for (int b : atAnchor.getOrDefault(va, List.of())) {
        if (b != a) {
          tryRelation(names, ext, new int[] {a, b}, seen);
        }
      }
      // A = B + C
      for (Map.Entry<BigFraction, List<Integer>> eb : atAnchor.entrySet()) {
        List<Integer> cs = atAnchor.get(va.subtract(eb.getKey()));
        if (cs == null) {
          continue;
        }
        for (int b : eb.getValue()) {
          if (b == a) {
            continue;
          }
          for (int c : cs) {
            if (c == a || c <= b) {
              continue;
            }
            tryRelation(names, ext, new int[] {a, b, c}, seen);
          }
        }
      }
    }
  }

  static String periodKind(String label) {
    if (label.matches("\\d{4}-K\\d")) {
      return "Q";
    }
    if (label.matches("\\d{4}-H\\d")) {
      return "H";
    }
    if (label.matches("\\d{4}")) {
      return "Y";
    }
    return "R";
  }

  /** The role of period p relative to period ref: its kind and where it starts and ends. */
  String role(String p, String ref) {
    if (p.equals(ref)) {
      return "P";
    }
    String[] a = periodDates.get(p);
    String[] b = periodDates.get(ref);
    String dayBefore = java.time.LocalDate.parse(b[0]).minusDays(1).toString();
    return periodKind(p)
        + "["
        + cmp(a[0], b[0])
        + cmp(a[1], b[1])
        + (a[1].equals(dayBefore) ? ",slutar dagen före" : "")
        + "]";
  }

  private static String cmp(String x, String y) {
    int c = x.compareTo(y);
    return c < 0 ? "<" : c == 0 ? "=" : ">";
  }

  /** The periods of the given role relative to ref, or null when not exactly one. */
  String resolve(String role, String ref) {
    String found = null;
    for (String p : periodDates.keySet()) {
      if (role(p, ref).equals(role)) {
        if (found != null) {
          return null;
        }
        found = p;
      }
    }
    return found;
  }

  private void tryRelation(
      List<String> names, Map<String, Map<String, Integer>> ext, int[] fams, Set<String> seen) {
    String[][] parts = new String[fams.length][];
    for (int i = 0; i < fams.length; i++) {
      parts[i] = names.get(fams[i]).split("\\|", -1); // period, matt, field, kategori
    }
    String ref = parts[0][0];
    String[] roles = new String[fams.length];
    boolean general = true;
    for (int i = 0; i < fams.length; i++) {
      roles[i] = role(parts[i][0], ref);
      general &= parts[i][0].equals(resolve(roles[i], ref));
    }
    StringBuilder cls = new StringBuilder("cross:");
    for (int i = 0; i < fams.length; i++) {
      String who = general ? roles[i] : parts[i][0];
      cls.append(i == 0 ? "" : i == 1 ? " = " : " + ")
          .append(parts[i][1])
          .append('.')
          .append(parts[i][2])
          .append(parts[i][3].isEmpty() ? "" : "[" + parts[i][3] + "]")
          .append('(')
          .append(who)
          .append(')');
    }
    if (general) {
      cls.append(" for every period of kind ").append(periodKind(ref));
    }
    if (!seen.add(cls.toString())) {
      return;
    }
    // does it hold on the concrete families where it was found?
    List<Map<String, Integer>> fs = new ArrayList<>();
    for (int f : fams) {
      fs.add(ext.get(names.get(f)));
    }
    int[] hc = holds(fs);
    if (hc == null || hc[0] < 3 || hc[0] < 0.8 * hc[1]) {
      return;
    }
    List<String> refs = new ArrayList<>();
    if (general) {
      for (String p : periodDates.keySet()) {
        if (periodKind(p).equals(periodKind(ref))) {
          refs.add(p);
        }
      }
    } else {
      refs.add(ref);
    }
    int inst = 0;
    int held = 0;
    for (String r : refs) {
      List<Map<String, Integer>> gs = new ArrayList<>();
      for (int i = 0; i < fams.length; i++) {
        String per = general ? resolve(roles[i], r) : parts[i][0];
        Map<String, Integer> g =
            per == null
                ? null
                : ext.get(per + "|" + parts[i][1] + "|" + parts[i][2] + "|" + parts[i][3]);
        if (g == null) {
          gs = null;
          break;
        }
        gs.add(g);
      }
      if (gs == null) {
        continue;
      }
      for (String c : gs.get(0).keySet()) {
        int[] q = new int[fams.length];
        int[] co = new int[fams.length];
        boolean all = true;
        for (int i = 0; i < fams.length && all; i++) {
          Integer id = gs.get(i).get(c);
          all = id != null;
          if (all) {
            q[i] = id;
            co[i] = i == 0 ? 1 : -1;
          }
        }
        if (all) {
          Rel rel = new Rel(q, co, true, cls.toString());
          add(q, co, cls.toString());
          inst++;
          held += residual(rel, truth).getNumerator().signum() == 0 ? 1 : 0;
        }
      }
    }
    discovered.add(cls + "  [holds on " + held + " of " + inst + " instances]");
  }

  /** {holding, common} coordinates of A = B (+ C), or null when a member is zero everywhere. */
  private int[] holds(List<Map<String, Integer>> fs) {
    int hold = 0;
    int common = 0;
    boolean[] nonZero = new boolean[fs.size()];
    for (String c : fs.get(0).keySet()) {
      boolean all = true;
      for (Map<String, Integer> f : fs) {
        all &= f.containsKey(c);
      }
      if (!all) {
        continue;
      }
      common++;
      BigFraction r = BigFraction.ZERO;
      for (int i = 0; i < fs.size(); i++) {
        BigFraction v = truth.get(fs.get(i).get(c));
        nonZero[i] |= v.getNumerator().signum() != 0;
        r = i == 0 ? r.add(v) : r.subtract(v);
      }
      if (r.getNumerator().signum() == 0) {
        hold++;
      }
    }
    for (boolean nz : nonZero) {
      if (!nz) {
        return null; // a member that is zero everywhere: nothing beyond a smaller relation
      }
    }
    return new int[] {hold, common};
  }

  /**
   * KOSTNADSINDEX = (C_d / A_d) / (C_city / S) x 100, with S the sum of the districts' AKTUELLA:
   * one district with its index, cost and AKTUELLA published gives S, a sum over districts that the
   * district line (persons in two districts) does not give exactly. Adds S = sum of A_d.
   */
  void costIndexSums() {
    Map<String, Map<String, String>> truthByKey = new HashMap<>();
    for (Map<String, String> r : truthRowsKept) {
      truthByKey.put(cellKey(r), r);
    }
    Set<String> done = new HashSet<>();
    for (Map<String, String> r : truthRowsKept) {
      if (!"KOSTNADSINDEX".equals(r.get("matt")) || "STHLM".equals(r.get("stadsdel"))) {
        continue;
      }
      String pv = r.get("period") + "|" + r.get("verksamhet");
      if (done.contains(pv)) {
        continue;
      }
      BigFraction sTrue = indexSum(r, truthByKey, true);
      BigFraction sPub = indexSum(r, protKept, false);
      if (sTrue == null || sPub == null) {
        continue;
      }
      done.add(pv);
      String key =
          r.get("period") + "|KOSTNADSINDEX_NIVA||STHLM|" + r.get("verksamhet") + "|ALLA|ALLA";
      int id = qKey.size();
      qKey.add(key + "|summa");
      qClass.add("KOSTNADSINDEX_NIVA|summa");
      truth.add(sTrue);
      published.add(sPub);
      qStatus.add("S");
      qIndex.put(key + "|summa", id);
      integral.add("KOSTNADSINDEX_NIVA|summa");
      nonNegative.add("KOSTNADSINDEX_NIVA|summa");
      List<Integer> parts = new ArrayList<>();
      for (Map.Entry<String, Integer> e :
          families
              .getOrDefault(r.get("period") + "|KOSTNAD_PER_AKTUELL|namnare", Map.of())
              .entrySet()) {
        String[] c = e.getKey().split("\\|", -1);
        if (!c[1].equals("STHLM") && c[2].equals(r.get("verksamhet"))) {
          parts.add(e.getValue());
        }
      }
      if (!parts.isEmpty()) {
        lineInstance(id, parts, "KOSTNADSINDEX|stadsniva = summa av stadsdelarnas aktuella");
      }
    }
  }

  private BigFraction indexSum(
      Map<String, String> any, Map<String, Map<String, String>> table, boolean truthSide) {
    String period = any.get("period");
    String verks = any.get("verksamhet");
    for (Map<String, String> idx : table.values()) {
      if (!"KOSTNADSINDEX".equals(idx.get("matt"))
          || !period.equals(idx.get("period"))
          || !verks.equals(idx.get("verksamhet"))
          || "STHLM".equals(idx.get("stadsdel"))
          || !"S".equals(idx.get("status"))) {
        continue;
      }
      String base = period + "|";
      Map<String, String> kpa =
          table.get(
              base + "KOSTNAD_PER_AKTUELL||" + idx.get("stadsdel") + "|" + verks + "|ALLA|ALLA");
      Map<String, String> city = table.get(base + "KOSTNAD_KR||STHLM|" + verks + "|ALLA|ALLA");
      if (kpa == null || city == null || !"S".equals(kpa.get("status"))) {
        continue;
      }
      BigFraction i = parse(idx.get("varde"));
      BigFraction c = parse(kpa.get("taljare"));
      BigFraction a = parse(kpa.get("namnare"));
      BigFraction cc = parse(city.get("varde"));
      if (i == null || c == null || a == null || cc == null || c.getNumerator().signum() == 0) {
        continue;
      }
      BigFraction sum = i.multiply(a).multiply(cc).divide(c.multiply(100));
      BigInteger r = round(sum);
      if (sum.subtract(new BigFraction(r)).abs().doubleValue() < 0.05) {
        return new BigFraction(r);
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ judging relations

  BigFraction residual(Rel r, List<BigFraction> values) {
    BigFraction s = BigFraction.ZERO;
    for (int i = 0; i < r.q.length; i++) {
      s = s.add(values.get(r.q[i]).multiply(r.c[i]));
    }
    return s;
  }

  /** Which relations the intruder may use: {structural equalities, oracle extra, inequalities}. */
  List<List<Rel>> judge() {
    Map<String, List<Rel>> byClass = new LinkedHashMap<>();
    for (Rel r : candidates) {
      byClass.computeIfAbsent(r.cls + (r.eq ? "" : " (<=)"), x -> new ArrayList<>()).add(r);
    }
    List<Rel> structural = new ArrayList<>();
    List<Rel> oracle = new ArrayList<>();
    List<Rel> ineq = new ArrayList<>();
    for (Map.Entry<String, List<Rel>> e : byClass.entrySet()) {
      int n = 0;
      int zero = 0;
      int le = 0;
      int ge = 0;
      for (Rel r : e.getValue()) {
        int s = residual(r, truth).getNumerator().signum();
        n++;
        zero += s == 0 ? 1 : 0;
        le += s <= 0 ? 1 : 0;
        ge += s >= 0 ? 1 : 0;
      }
      classStats.put(e.getKey(), new int[] {n, zero, le, ge});
      for (Rel r : e.getValue()) {
        int s = residual(r, truth).getNumerator().signum();
        if (!r.eq) {
          if (le == n) {
            ineq.add(r);
          }
        } else if (zero == n && n >= (e.getKey().startsWith("cross:") ? MIN_CROSS_SUPPORT : 1)) {
          structural.add(r);
        } else {
          if (s == 0) {
            oracle.add(r);
          }
          if (le == n) {
            ineq.add(new Rel(r.q, r.c, false, r.cls));
          } else if (ge == n) {
            int[] neg = new int[r.c.length];
            for (int i = 0; i < neg.length; i++) {
              neg[i] = -r.c[i];
            }
            ineq.add(new Rel(r.q, neg, false, r.cls));
          }
        }
      }
    }
    return List.of(structural, oracle, ineq);
  }

  /**
   * Whether an equality holds by construction and not only in this data: for person counts only the
   * kön lines (one kön per person) and identities between two figures; lines along other dimensions
   * and relations of three person counts are replaced by the union bound (total <= sum of parts),
   * which always holds.
   */
  boolean guaranteed(Rel r) {
    String cls = r.cls;
    if (cls.startsWith("cross:")) {
      if (r.q.length == 2) {
        return true;
      }
      for (int q : r.q) {
        String matt = qClass.get(q).substring(0, qClass.get(q).indexOf('|'));
        if (!isPerson(matt)) {
          return true;
        }
      }
      return false;
    }
    String matt = cls.substring(0, cls.indexOf('|'));
    return !isPerson(matt) || cls.contains("|line:kon");
  }

  boolean isPerson(String matt) {
    return personMeasures.contains(matt) || matt.endsWith("_PER_10000");
  }

  // ------------------------------------------------------------------ exact elimination

  /** A row: coefficients over unknowns, right-hand side, and the relations it came from. */
  static final class Row {
    final TreeMap<Integer, BigFraction> a = new TreeMap<>();
    BigFraction rhs = BigFraction.ZERO;
    final BitSet from = new BitSet();
  }

  /** Result of the elimination: pivot rows by pivot unknown. */
  static final class Echelon {
    final Map<Integer, Row> pivots = new HashMap<>();
    final Map<Integer, Set<Integer>> occurs = new HashMap<>(); // unknown -> pivot vars of rows
    int inconsistent;
  }

  Row substitute(Rel r, int relId) {
    Row row = new Row();
    row.from.set(relId);
    for (int i = 0; i < r.q.length; i++) {
      BigFraction p = published.get(r.q[i]);
      BigFraction c = new BigFraction(r.c[i]);
      if (p != null) {
        row.rhs = row.rhs.subtract(c.multiply(p));
      } else {
        row.a.merge(r.q[i], c, BigFraction::add);
      }
    }
    row.a.values().removeIf(v -> v.getNumerator().signum() == 0);
    return row;
  }

  Echelon eliminate(List<Rel> rels) {
    Echelon ech = new Echelon();
    for (int id = 0; id < rels.size(); id++) {
      Row row = substitute(rels.get(id), id);
      if (row.a.isEmpty()) {
        continue; // among published cells only
      }
      // reduce by existing pivots
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Integer v : new ArrayList<>(row.a.keySet())) {
          Row p = ech.pivots.get(v);
          BigFraction f = row.a.get(v);
          if (p != null && f != null) {
            axpy(row, p, f.negate());
            changed = true;
          }
        }
      }
      if (row.a.isEmpty()) {
        if (row.rhs.getNumerator().signum() != 0) {
          ech.inconsistent++;
        }
        continue;
      }
      // pivot: the unknown of the row with the fewest occurrences in other rows
      int pv = row.a.firstKey();
      int bestOcc = Integer.MAX_VALUE;
      for (int v : row.a.keySet()) {
        int occ = ech.occurs.getOrDefault(v, Set.of()).size();
        if (occ < bestOcc) {
          bestOcc = occ;
          pv = v;
        }
      }
      BigFraction inv = row.a.get(pv).reciprocal();
      scale(row, inv);
      // eliminate pv from the pivot rows holding it
      for (int other : new ArrayList<>(ech.occurs.getOrDefault(pv, Set.of()))) {
        Row o = ech.pivots.get(other);
        BigFraction f = o.a.get(pv);
        if (f != null) {
          removeOcc(ech, o, other);
          axpy(o, row, f.negate());
          addOcc(ech, o, other);
        }
      }
      ech.pivots.put(pv, row);
      addOcc(ech, row, pv);
    }
    return ech;
  }

  private static void removeOcc(Echelon e, Row r, int pv) {
    for (int v : r.a.keySet()) {
      Set<Integer> s = e.occurs.get(v);
      if (s != null) {
        s.remove(pv);
      }
    }
  }

  private static void addOcc(Echelon e, Row r, int pv) {
    for (int v : r.a.keySet()) {
      if (v != pv) {
        e.occurs.computeIfAbsent(v, x -> new HashSet<>()).add(pv);
      }
    }
  }

  private static void axpy(Row row, Row p, BigFraction f) {
    for (Map.Entry<Integer, BigFraction> e : p.a.entrySet()) {
      BigFraction nv =
          row.a.getOrDefault(e.getKey(), BigFraction.ZERO).add(e.getValue().multiply(f));
      if (nv.getNumerator().signum() == 0) {
        row.a.remove(e.getKey());
      } else {
        row.a.put(e.getKey(), nv);
      }
    }
    row.rhs = row.rhs.add(p.rhs.multiply(f));
    row.from.or(p.from);
  }

  private static void scale(Row row, BigFraction f) {
    row.a.replaceAll((k, v) -> v.multiply(f));
    row.rhs = row.rhs.multiply(f);
  }

  // ------------------------------------------------------------------ bounds

  int[] loSrc;
  int[] hiSrc;
  List<String> boundLabels;
  List<int[]> boundVars;

  /** The constraints that made the bounds of q, and recursively of the unknowns they used. */
  List<String> boundReasons(int q, int limit) {
    List<String> res = new ArrayList<>();
    Set<Integer> seenC = new HashSet<>();
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    todo.add(q);
    Set<Integer> seenV = new HashSet<>();
    while (!todo.isEmpty() && res.size() < limit) {
      int v = todo.poll();
      if (!seenV.add(v)) {
        continue;
      }
      for (int src : new int[] {loSrc[v], hiSrc[v]}) {
        if (src >= 0 && seenC.add(src)) {
          res.add(
              (src == loSrc[v] ? "lower bound of " : "upper bound of ")
                  + qKey.get(v)
                  + " from "
                  + boundLabels.get(src));
          for (int w : boundVars.get(src)) {
            todo.add(w);
          }
        }
      }
    }
    return res;
  }

  double[][] bounds(List<Rel> eqs, List<Rel> ineqs, Echelon ech) {
    int n = qKey.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = nonNegative.contains(qClass.get(i)) ? 0 : Double.NEGATIVE_INFINITY;
      hi[i] = Double.POSITIVE_INFINITY;
      String cls = qClass.get(i);
      String matt = cls.substring(0, cls.indexOf('|'));
      if ("P".equals(qStatus.get(i))
          && cls.endsWith("|varde")
          && "count".equals(kinds.get(matt))
          && integral.contains(cls)) {
        lo[i] = 1;
        hi[i] = k - 1;
      }
    }
    // constraints: sum a x <= b (equalities as two)
    List<double[]> coefs = new ArrayList<>();
    List<int[]> vars = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    List<String> label = new ArrayList<>();
    String[] current = {""};
    java.util.function.BiConsumer<Row, Boolean> put =
        (row, eq) -> {
          int[] v = new int[row.a.size()];
          double[] c = new double[row.a.size()];
          int i = 0;
          for (Map.Entry<Integer, BigFraction> e : row.a.entrySet()) {
            v[i] = e.getKey();
            c[i++] = e.getValue().doubleValue();
          }
          vars.add(v);
          coefs.add(c);
          rhs.add(row.rhs.doubleValue());
          label.add(current[0]);
          if (eq) {
            label.add(current[0]);
            double[] nc = new double[c.length];
            for (int j = 0; j < c.length; j++) {
              nc[j] = -c[j];
            }
            vars.add(v);
            coefs.add(nc);
            rhs.add(-row.rhs.doubleValue());
          }
        };
    for (Rel r : eqs) {
      Row row = substitute(r, 0);
      if (!row.a.isEmpty()) {
        current[0] = describe(r);
        put.accept(row, true);
      }
    }
    for (Rel r : ineqs) {
      Row row = substitute(r, 0);
      if (!row.a.isEmpty()) {
        current[0] = "(<=) " + describe(r);
        put.accept(row, false);
      }
    }
    for (Map.Entry<Integer, Row> e : ech.pivots.entrySet()) {
      StringBuilder sb = new StringBuilder("combination of:");
      BitSet from = e.getValue().from;
      for (int id = from.nextSetBit(0); id >= 0; id = from.nextSetBit(id + 1)) {
        sb.append("\n          ").append(describe(eqs.get(id)));
      }
      current[0] = sb.toString();
      put.accept(e.getValue(), true);
    }
    loSrc = new int[n];
    hiSrc = new int[n];
    java.util.Arrays.fill(loSrc, -1);
    java.util.Arrays.fill(hiSrc, -1);
    boundLabels = label;
    boundVars = vars;
    for (int pass = 0; pass < 60; pass++) {
      boolean changed = false;
      for (int ci = 0; ci < vars.size(); ci++) {
        int[] v = vars.get(ci);
        double[] c = coefs.get(ci);
        double b = rhs.get(ci);
        // min of sum c_j x_j
        double minSum = 0;
        int infCount = 0;
        int infIdx = -1;
        for (int j = 0; j < v.length; j++) {
          double m = c[j] > 0 ? c[j] * lo[v[j]] : c[j] * hi[v[j]];
          if (Double.isInfinite(m)) {
            infCount++;
            infIdx = j;
          } else {
            minSum += m;
          }
        }
        if (infCount > 1) {
          continue;
        }
        for (int j = 0; j < v.length; j++) {
          if (infCount == 1 && j != infIdx) {
            continue;
          }
          double m = c[j] > 0 ? c[j] * lo[v[j]] : c[j] * hi[v[j]];
          double rest = infCount == 1 ? minSum : minSum - m;
          double bound = (b - rest) / c[j];
          int x = v[j];
          boolean integ = integral.contains(qClass.get(x));
          if (c[j] > 0) {
            double nb = integ ? Math.floor(bound + 1e-7) : bound;
            if (nb < hi[x] - 1e-9) {
              hi[x] = nb;
              hiSrc[x] = ci;
              changed = true;
            }
          } else {
            double nb = integ ? Math.ceil(bound - 1e-7) : bound;
            if (nb > lo[x] + 1e-9) {
              lo[x] = nb;
              loSrc[x] = ci;
              changed = true;
            }
          }
        }
      }
      if (!changed) {
        break;
      }
    }
    String explain = System.getProperty("intruder.explain");
    if (explain != null) {
      for (int ci = 0; ci < vars.size(); ci++) {
        boolean has = false;
        for (int v : vars.get(ci)) {
          has |= qKey.get(v).equals(explain);
        }
        if (has) {
          StringBuilder sb = new StringBuilder("  explain:");
          for (int j = 0; j < vars.get(ci).length; j++) {
            int v = vars.get(ci)[j];
            sb.append(
                String.format(" %+.0f*%s[%s..%s]", coefs.get(ci)[j], qKey.get(v), lo[v], hi[v]));
          }
          out.println(sb.append(" <= ").append(rhs.get(ci)));
        }
      }
    }
    return new double[][] {lo, hi};
  }

  // ------------------------------------------------------------------ the attack

  /** The fields from which a cell's published value follows, or empty when it is not linear. */
  List<String> valueFields(String matt, Set<String> fields) {
    String kind = kinds.getOrDefault(matt, fields.contains("varde") ? "count" : "share");
    if (kind.equals("count") || kind.equals("amount")) {
      return List.of("varde");
    }
    for (String num : List.of("taljare", "summa", "antal")) {
      if (fields.contains(num) && fields.contains("namnare")) {
        return List.of(num, "namnare");
      }
    }
    return List.of();
  }

  int attack(List<Rel> eqs, List<Rel> ineqs, String mode) {
    long t0 = System.nanoTime();
    Echelon ech = eliminate(eqs);
    Set<Integer> involved = new HashSet<>();
    for (Rel r : eqs) {
      for (int q : r.q) {
        if (isHidden(q)) {
          involved.add(q);
        }
      }
    }
    Map<Integer, BigFraction> det = new HashMap<>();
    Map<Integer, String> how = new HashMap<>();
    for (Map.Entry<Integer, Row> e : ech.pivots.entrySet()) {
      if (e.getValue().a.size() == 1) {
        det.put(e.getKey(), e.getValue().rhs);
        how.put(e.getKey(), "elimination");
      }
    }
    double[][] b = bounds(eqs, ineqs, ech);
    int hiddenQ = 0;
    double narrowest = Double.POSITIVE_INFINITY;
    String narrowestKey = "";
    int[] widthHist = new int[4]; // <k, <2k, finite, infinite
    int infeasible = 0;
    for (int q = 0; q < qKey.size(); q++) {
      if (!isHidden(q) || !integral.contains(qClass.get(q))) {
        continue;
      }
      hiddenQ++;
      double w = b[1][q] - b[0][q];
      if (w < -1e-9) {
        infeasible++;
        continue;
      }
      if (w <= 1e-9 && !det.containsKey(q)) {
        det.put(q, new BigFraction(Math.round(b[0][q])));
        how.put(q, "bounds");
      }
      if (det.containsKey(q)) {
        continue;
      }
      if (Double.isInfinite(w)) {
        widthHist[3]++;
      } else if (w < k) {
        widthHist[0]++;
      } else if (w < 2 * k) {
        widthHist[1]++;
      } else {
        widthHist[2]++;
      }
      if (w < narrowest) {
        narrowest = w;
        narrowestKey =
            qKey.get(q)
                + " ["
                + qStatus.get(q)
                + "] in ["
                + b[0][q]
                + ", "
                + b[1][q]
                + "], truth "
                + show(truth.get(q));
      }
    }
    // hidden cells: which fields were determined
    Map<String, Map<String, Integer>> cellsQ = new TreeMap<>();
    for (int q = 0; q < qKey.size(); q++) {
      if (isHidden(q)) {
        String key = qKey.get(q);
        int bar = key.lastIndexOf('|');
        cellsQ
            .computeIfAbsent(key.substring(0, bar), x -> new TreeMap<>())
            .put(key.substring(bar + 1), q);
      }
    }
    Map<String, int[]> perMeasure = new TreeMap<>(); // hidden cells, value, protected, other field
    List<String> lines = new ArrayList<>();
    int leaks = 0;
    int leaksLinear = 0;
    List<String> linearCells = new ArrayList<>();
    int wrong = 0;
    for (Map.Entry<String, Map<String, Integer>> c : cellsQ.entrySet()) {
      String matt = c.getKey().split("\\|", -1)[1];
      int[] pm = perMeasure.computeIfAbsent(matt, x -> new int[4]);
      pm[0]++;
      Map<String, Integer> fq = c.getValue();
      List<String> vf = valueFields(matt, fq.keySet());
      boolean value =
          !vf.isEmpty()
              && vf.stream().allMatch(f -> fq.containsKey(f) && det.containsKey(fq.get(f)));
      boolean prot =
          protectedOf(matt).stream().anyMatch(f -> fq.containsKey(f) && det.containsKey(fq.get(f)));
      boolean other = fq.values().stream().anyMatch(det::containsKey);
      pm[1] += value ? 1 : 0;
      pm[2] += prot ? 1 : 0;
      pm[3] += other ? 1 : 0;
      if (value || prot) {
        leaks++;
        List<String> used = new ArrayList<>(value ? vf : List.of());
        if (!value) {
          protectedOf(matt).stream()
              .filter(f -> fq.containsKey(f) && det.containsKey(fq.get(f)))
              .forEach(used::add);
        }
        if (used.stream().allMatch(f -> "elimination".equals(how.get(fq.get(f))))) {
          leaksLinear++;
          linearCells.add(c.getKey());
        }
      }
      for (Map.Entry<String, Integer> f : fq.entrySet()) {
        int q = f.getValue();
        if (!det.containsKey(q)) {
          continue;
        }
        boolean right = det.get(q).equals(truth.get(q));
        wrong += right ? 0 : 1;
        if (((value || prot) && lines.size() < 400) || (!right && lines.size() < 450)) {
          StringBuilder sb = new StringBuilder("  ");
          sb.append(value ? "VALUE " : "")
              .append(prot ? "COUNT " : "")
              .append(qKey.get(q))
              .append(" [")
              .append(qStatus.get(q))
              .append("] = ")
              .append(show(det.get(q)))
              .append(" (truth ")
              .append(show(truth.get(q)))
              .append(right ? ", correct" : ", WRONG")
              .append(") by ")
              .append(how.get(q));
          Row row = ech.pivots.get(q);
          if ("bounds".equals(how.get(q))) {
            for (String r : boundReasons(q, 12)) {
              sb.append("\n      ").append(r);
            }
          } else if (row != null && row.a.size() == 1) {
            int shown = 0;
            for (int id = row.from.nextSetBit(0);
                id >= 0 && shown < 10;
                id = row.from.nextSetBit(id + 1)) {
              sb.append("\n      ").append(describe(eqs.get(id)));
              shown++;
            }
          }
          lines.add(sb.toString());
        }
      }
    }
    out.printf("%n== attack: %s ==%n", mode);
    out.printf(
        "equalities used %d, inequalities %d, hidden unknowns in equalities %d, rank %d,"
            + " inconsistent rows %d%n",
        eqs.size(), ineqs.size(), involved.size(), ech.pivots.size(), ech.inconsistent);
    out.printf(
        "hidden quantities determined: %d (by elimination %d, by bounds %d; wrong %d)%n",
        det.keySet().stream().filter(this::isHidden).count(),
        how.entrySet().stream()
            .filter(e -> isHidden(e.getKey()) && e.getValue().equals("elimination"))
            .count(),
        how.entrySet().stream()
            .filter(e -> isHidden(e.getKey()) && e.getValue().equals("bounds"))
            .count(),
        wrong);
    out.printf(
        "HIDDEN CELLS RECOVERED (value or protected count): %d, of which by linear algebra"
            + " alone (no bounds): %d %s%n",
        leaks, leaksLinear, linearCells);
    out.println(
        "per measure: hidden cells, value recovered, protected count recovered,"
            + " some field determined (e.g. a denominator published elsewhere)");
    perMeasure.forEach(
        (m, a) -> out.printf("  %-28s %5d %5d %5d %5d%n", m, a[0], a[1], a[2], a[3]));
    out.printf(
        "hidden integer quantities %d not determined; interval width < k: %d, < 2k: %d,"
            + " wider: %d, unbounded: %d%n",
        hiddenQ, widthHist[0], widthHist[1], widthHist[2], widthHist[3]);
    out.printf("narrowest interval: width %s: %s%n", narrowest, narrowestKey);
    out.printf(
        "quantities with contradictory bounds (a relation or bound that does not hold): %d%n",
        infeasible);
    lines.forEach(out::println);
    out.printf("(%d ms)%n", (System.nanoTime() - t0) / 1_000_000);
    return leaks;
  }

  String describe(Rel r) {
    StringBuilder sb = new StringBuilder(r.cls).append(": ");
    for (int i = 0; i < r.q.length; i++) {
      sb.append(r.c[i] > 0 ? (i == 0 ? "" : " + ") : " - ");
      if (Math.abs(r.c[i]) != 1) {
        sb.append(Math.abs(r.c[i])).append('*');
      }
      BigFraction p = published.get(r.q[i]);
      sb.append(qKey.get(r.q[i])).append(p == null ? "=?" : "=" + show(p));
    }
    return sb.append(" = 0").toString();
  }

  static String show(BigFraction f) {
    if (f.getDenominator().equals(BigInteger.ONE)) {
      return f.getNumerator().toString();
    }
    return f.bigDecimalValue(6, BigDecimal.ROUND_HALF_UP).stripTrailingZeros().toPlainString()
        + (BigInteger.TEN.pow(12).mod(f.getDenominator()).signum() == 0 ? "" : "~");
  }

  /** Runs the whole attack; returns the number of hidden cells recovered from exact relations. */
  int run(Path protectedCsv, Path truthCsv) throws IOException {
    long t0 = System.nanoTime();
    Path yaml = Path.of(System.getProperty("sigstat.measures", "data-schema/measures.yaml"));
    if (Files.exists(yaml)) {
      readMeasures(yaml);
    }
    load(protectedCsv, truthCsv);
    dimensionLines();
    periodSums();
    crossDiscovery();
    costIndexSums();
    List<List<Rel>> judged = judge();
    long tRel = System.nanoTime();
    out.printf("protected table: %s%ntrue table (k=1): %s%n", protectedCsv, truthCsv);
    out.printf(
        "cells %d, hidden %d %s, quantities %d (hidden %d), published values differing"
            + " from the true table: %d%n",
        cells,
        hiddenCells,
        hiddenByStatus,
        qKey.size(),
        java.util.stream.IntStream.range(0, qKey.size()).filter(this::isHidden).count(),
        mismatches);
    out.printf(
        "candidate relation instances %d in %d classes; structural equalities %d,"
            + " oracle-only equalities %d, inequalities %d (%d ms)%n",
        candidates.size(),
        classStats.size(),
        judged.get(0).size(),
        judged.get(1).size(),
        judged.get(2).size(),
        (tRel - t0) / 1_000_000);
    summariseClasses();
    out.println("discovered relations between families (period|measure|field|kategori):");
    discovered.stream().sorted().forEach(d -> out.println("  " + d));
    int structural =
        attack(judged.get(0), judged.get(2), "structural (relations exact on every instance)");
    List<Rel> strict = new ArrayList<>();
    List<Rel> strictIneq = new ArrayList<>(judged.get(2));
    for (Rel r : judged.get(0)) {
      if (guaranteed(r)) {
        strict.add(r);
      } else if (r.c[0] == 1 && java.util.Arrays.stream(r.c).skip(1).allMatch(c -> c == -1)) {
        strictIneq.add(new Rel(r.q, r.c, false, r.cls)); // total <= sum of parts
      }
    }
    attack(
        strict,
        strictIneq,
        "conservative (person counts: only kön lines exact, other lines"
            + " as total <= sum of parts)");
    List<Rel> all = new ArrayList<>(judged.get(0));
    all.addAll(judged.get(1));
    attack(all, judged.get(2), "oracle (also instances of inexact relations that happen to hold)");
    out.printf("%ntotal %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    return structural;
  }

  void summariseClasses() {
    // by kind: line:dim, periodsum, cross, part<=total
    Map<String, int[]> kinds = new TreeMap<>();
    for (Map.Entry<String, int[]> e : classStats.entrySet()) {
      String cls = e.getKey();
      String kind;
      if (cls.startsWith("cross:")) {
        kind = "between measures/periods (discovered)";
      } else {
        String[] p = cls.split("\\|");
        kind = p.length > 2 ? p[2].replaceAll(":\\d+$", "").replace(" (<=)", "") : cls;
        if (cls.endsWith("(<=)")) {
          kind = kind + " (inequality)";
        }
      }
      int[] s = e.getValue();
      int[] agg = kinds.computeIfAbsent(kind, x -> new int[5]);
      agg[0]++;
      agg[1] += s[0] == s[1] ? 1 : 0;
      agg[2] += s[0];
      agg[3] += s[1];
      agg[4] += (s[0] != s[1] && (s[2] == s[0] || s[3] == s[0])) ? 1 : 0;
    }
    out.println(
        "relation kinds: classes, classes exact on k=1, instances, instances exact,"
            + " classes usable as inequalities only");
    kinds.forEach(
        (kind, a) ->
            out.printf("  %-45s %5d %5d %8d %8d %5d%n", kind, a[0], a[1], a[2], a[3], a[4]));
  }

  static int readK(Path runDir) {
    try {
      String m = Files.readString(runDir.resolve("manifest.json"));
      Matcher mm = Pattern.compile("\"k\"\\s*:\\s*(\\d+)").matcher(m);
      if (mm.find()) {
        return Integer.parseInt(mm.group(1));
      }
    } catch (IOException e) {
      // no manifest: default
    }
    return 5;
  }

  public static void main(String[] args) throws IOException {
    Path prot = Path.of(args[0]);
    Path truth = Path.of(args[1]);
    int k = readK(prot);
    // the terminal, as the CLI's own streams are not ours to use from a test-scope tool
    PrintStream terminal =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream o = terminal;
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--k")) {
        k = Integer.parseInt(args[++i]);
      } else {
        o = new PrintStream(Files.newOutputStream(Path.of(args[i])), true, StandardCharsets.UTF_8);
      }
    }
    Path pc = Files.isDirectory(prot) ? prot.resolve("statistik.csv") : prot;
    Path tc = Files.isDirectory(truth) ? truth.resolve("statistik.csv") : truth;
    int rec = new Intruder(k, o).run(pc, tc);
    o.printf("RESULT: %d hidden cells recovered from exact relations%n", rec);
    if (o != terminal) {
      terminal.printf("RESULT: %d hidden cells recovered from exact relations%n", rec);
    }
    System.exit(rec == 0 ? 0 : 1);
  }
}
