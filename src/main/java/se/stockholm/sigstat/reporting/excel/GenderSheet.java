package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.aggregation.Intervals;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.MeasureKind;
import se.stockholm.sigstat.reporting.GenderRates;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * "Jämställdhet": each person count for Kvinnor and Män with the same per 10 000 inhabitants of
 * that kön and the difference of those rates; each share with its Wilson interval and n, the
 * difference in percentage points with Newcombe's 95 % interval and a flag when it excludes 0; and
 * the gender composition of participants and relatives.
 */
public final class GenderSheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx)
      throws IOException {
    ReportData d = ctx.data();
    SheetHeading.top(b, ctx, def.name());
    String focus = d.labels().value("stadsdel", ctx.focus(), null);
    List<Measure> counts = new ArrayList<>();
    List<Measure> shares = new ArrayList<>();
    for (String code : def.measures()) {
      Measure m = d.model().measure(code);
      (m.kind() == MeasureKind.SHARE ? shares : counts).add(m);
    }
    b.text("Kvinnor och män per 10 000 invånare – " + focus, StyleKey.SUBTITLE);
    int headerRow =
        b.header(
            List.of(
                "Mått",
                "Kvinnor, antal",
                "Män, antal",
                "Kvinnor per 10 000 inv.",
                "Män per 10 000 inv.",
                "Skillnad K − M per 10 000 inv."));
    for (Measure m : counts) {
      rates(b, ctx, m);
    }
    b.text(
        "Antal per 10 000 invånare 15–29 år av samma kön (befolkningen är nämnaren i Aktuella per"
            + " 10 000 invånare). Kvinnor är färre i SIG än män, så en skillnad i antal säger lite:"
            + " jämför per 10 000. Anhöriga har ingen befolkning att jämföra med.",
        StyleKey.NOTE);
    b.sheet().createFreezePane(1, headerRow + 1);
    if (!shares.isEmpty()) {
      b.skip(1);
      b.text("Andelar med 95 % konfidensintervall – " + focus, StyleKey.SUBTITLE);
      b.header(
          List.of(
              "Mått",
              "Kvinnor",
              "KI lägre",
              "KI övre",
              "n kvinnor",
              "Män",
              "KI lägre",
              "KI övre",
              "n män",
              "Skillnad K − M, procentenheter",
              "KI lägre",
              "KI övre",
              "Skillnaden säkerställd"));
      for (Measure m : shares) {
        shares(b, ctx, m);
      }
      b.text(
          "Wilson-intervall för andelarna, Newcombes intervall för skillnaden; säkerställd när"
              + " intervallet för skillnaden inte innehåller 0.",
          StyleKey.NOTE);
    }
    b.skip(1);
    b.text("Könsfördelning", StyleKey.SUBTITLE);
    b.header(List.of("Grupp", "Kvinnor", "Män", "Övrigt/uppgift saknas", "Totalt (antal)"));
    composition(
        b,
        ctx,
        "Deltagare (aktuella individer)",
        "AKTUELLA",
        Dimensions.NO_CATEGORY,
        Dimensions.ALL);
    composition(
        b, ctx, "Anhöriga (aktuella)", "ANHORIGA_AKTUELLA", Dimensions.ALL, Dimensions.RELATIVES);
    SheetHeading.bottom(b, ctx);
    SheetHeading.charts(b, ctx, def.charts());
  }

  private static CellKey base(ReportData d, String measure, String focus, String gender) {
    Measure m = d.model().measure(measure);
    return new CellKey(
        d.period().code(),
        measure,
        TablesSheet.defaultCategory(m),
        focus,
        m.activities() == Measure.Activities.RELATIVES ? Dimensions.RELATIVES : Dimensions.ALL,
        gender,
        Dimensions.ALL);
  }

  /** Counts for Kvinnor and Män, the same per 10 000 inhabitants of that kön, the difference. */
  private static void rates(SheetBuilder b, WorkbookContext ctx, Measure m) {
    ReportData d = ctx.data();
    Row r = b.newRow();
    b.label(r, 0, m.label(), StyleKey.ROW_LABEL);
    GenderRates.Rate women = GenderRates.of(d, m.code(), ctx.focus(), "K");
    GenderRates.Rate men = GenderRates.of(d, m.code(), ctx.focus(), "M");
    b.value(r, 1, women.count(), false, StyleKey.INTEGER);
    b.value(r, 2, men.count(), false, StyleKey.INTEGER);
    int col = 3;
    for (GenderRates.Rate rate : List.of(women, men)) {
      if (rate.hidden()) {
        b.suppressed(r, col);
      } else if (rate.value() != null) {
        b.shows(rate.population());
        b.number(r, col, rate.value(), StyleKey.DECIMAL);
      }
      col++;
    }
    if (women.value() != null && men.value() != null) {
      b.number(r, col, women.value() - men.value(), StyleKey.DECIMAL);
    } else if (women.hidden() || men.hidden()) {
      b.suppressed(r, col);
    }
  }

  /** A share for Kvinnor and Män with Wilson intervals and n, and the difference (Newcombe). */
  private static void shares(SheetBuilder b, WorkbookContext ctx, Measure m) {
    ReportData d = ctx.data();
    Row r = b.newRow();
    b.label(r, 0, m.label(), StyleKey.ROW_LABEL);
    ProtectedCell k = d.cell(base(d, m.code(), ctx.focus(), "K")).orElse(null);
    ProtectedCell man = d.cell(base(d, m.code(), ctx.focus(), "M")).orElse(null);
    int col = 1;
    for (ProtectedCell c : new ProtectedCell[] {k, man}) {
      b.value(r, col++, c, false, StyleKey.PERCENT);
      boolean shown = c != null && !c.status().isSuppressed();
      b.number(r, col++, shown ? c.low() : null, StyleKey.PERCENT);
      b.number(r, col++, shown ? c.high() : null, StyleKey.PERCENT);
      b.field(r, col++, c, "namnare", StyleKey.INTEGER);
    }
    if (k == null || man == null) {
      return;
    }
    if (k.status().isSuppressed() || man.status().isSuppressed()) {
      // A difference would reveal the suppressed value.
      b.suppressed(r, col);
      return;
    }
    if (k.value() == null || man.value() == null) {
      return;
    }
    b.number(r, col++, (k.value() - man.value()) * 100, StyleKey.DECIMAL);
    double[] ci =
        Intervals.newcombe(k.numerator(), k.denominator(), man.numerator(), man.denominator());
    if (ci != null) {
      b.number(r, col++, ci[0] * 100, StyleKey.DECIMAL);
      b.number(r, col++, ci[1] * 100, StyleKey.DECIMAL);
      b.label(r, col, ci[0] > 0 || ci[1] < 0 ? "Ja" : "Nej", StyleKey.ROW_LABEL);
    }
  }

  private static void composition(
      SheetBuilder b,
      WorkbookContext ctx,
      String label,
      String measure,
      String category,
      String activity) {
    ReportData d = ctx.data();
    CellKey base =
        new CellKey(
            d.period().code(),
            measure,
            category,
            ctx.focus(),
            activity,
            Dimensions.ALL,
            Dimensions.ALL);
    ProtectedCell total = d.cell(base).orElse(null);
    Row r = b.newRow();
    b.label(r, 0, label, StyleKey.ROW_LABEL);
    int col = 1;
    for (String g : List.of("K", "M", "OVRIGT")) {
      ProtectedCell c = d.cell(base.with(Dimensions.GENDER, g)).orElse(null);
      b.shows(c);
      if (c == null || total == null) {
        col++;
      } else if (c.status().isSuppressed() || total.status().isSuppressed()) {
        b.suppressed(r, col++);
      } else if (total.value() != null && total.value() > 0) {
        b.number(r, col++, (c.value() == null ? 0 : c.value()) / total.value(), StyleKey.PERCENT);
      } else {
        col++;
      }
    }
    b.value(r, col, total, false, StyleKey.INTEGER);
  }
}
