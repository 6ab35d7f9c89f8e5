package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.MeasureKind;

/**
 * Re-checks a published table against the disclosure rules: no published count 1..k-1, no share
 * over fewer than k, no suppressed cell with values, no line with exactly one suppressed cell,
 * nothing published that reveals a suppressed count. Findings are in Swedish.
 */
public final class DisclosureAudit {
  private static final int MAX_FINDINGS = 50;
  private final FollowUpModel model;
  private final FrequencyRule rule;

  public DisclosureAudit(FollowUpModel model, FrequencyRule rule) {
    this.model = model;
    this.rule = rule;
  }

  public List<String> check(List<ProtectedCell> cells) {
    List<String> findings = new ArrayList<>();
    Map<String, Measure> measures = new HashMap<>();
    model.measures().forEach(m -> measures.put(m.code(), m));
    List<CellKey> keys = cells.stream().map(ProtectedCell::key).toList();
    for (ProtectedCell c : cells) {
      Measure m = measures.get(c.key().measure());
      if (m == null) {
        findings.add("okänt mått " + c.key().measure());
        continue;
      }
      CellStatus s = c.status();
      boolean hasValues =
          c.value() != null
              || c.numerator() != null
              || c.denominator() != null
              || c.low() != null
              || c.high() != null;
      if (s.isSuppressed() && hasValues) {
        findings.add("prickad cell har värden: " + describe(c.key()));
      }
      if (s.isSuppressed() || s == CellStatus.EMPTY) {
        continue;
      }
      if (m.kind() == MeasureKind.COUNT && c.value() != null && rule.unsafe(c.value())) {
        findings.add(
            "publicerat antal "
                + fmt(c.value())
                + " < "
                + rule.minFrequency()
                + ": "
                + describe(c.key()));
      }
      if (m.kind() == MeasureKind.SHARE
          && (c.numerator() != null && rule.unsafe(c.numerator())
              || c.denominator() != null && rule.tooSmallDenominator(c.denominator()))) {
        findings.add(
            "publicerad andel med täljare "
                + fmt(c.numerator())
                + " och nämnare "
                + fmt(c.denominator())
                + ": "
                + describe(c.key()));
      }
    }
    CellStatus[] status = cells.stream().map(ProtectedCell::status).toArray(CellStatus[]::new);
    for (Lines.Line line : Lines.of(keys, model, model.districts().cityCode())) {
      long suppressed = line.members().stream().filter(i -> status[i].isSuppressed()).count();
      if (suppressed == 1) {
        int only = line.members().stream().filter(i -> status[i].isSuppressed()).findFirst().get();
        findings.add(
            "rad med exakt en prickad cell (längs "
                + line.dimension()
                + "): "
                + describe(keys.get(only)));
      }
    }
    int[] base = BaseCells.of(keys, model);
    for (int i = 0; i < cells.size(); i++) {
      if (base[i] >= 0
          && status[base[i]].isSuppressed()
          && !status[i].isSuppressed()
          && status[i] != CellStatus.EMPTY) {
        findings.add("publicerat värde bygger på en prickad cell: " + describe(keys.get(i)));
      }
    }
    return findings.size() > MAX_FINDINGS ? findings.subList(0, MAX_FINDINGS) : findings;
  }

  private static String describe(CellKey k) {
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

  private static String fmt(Double d) {
    return d == null ? "-" : d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
  }
}
