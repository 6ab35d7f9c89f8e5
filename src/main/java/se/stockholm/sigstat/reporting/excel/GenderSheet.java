package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.aggregation.Intervals;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.MeasureKind;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * "Jämställdhet": each person measure for Kvinnor and Män side by side, the difference (in
 * percentage points for shares, with Newcombe's 95 % interval and a flag when it excludes 0), and
 * the gender composition of participants and relatives.
 */
public final class GenderSheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx)
      throws IOException {
    ReportData d = ctx.data();
    SheetHeading.top(b, ctx, def.name());
    b.text(
        "Kvinnor och män – " + d.labels().value("stadsdel", ctx.focus(), null), StyleKey.SUBTITLE);
    int headerRow =
        b.header(
            List.of(
                "Mått",
                "Kvinnor",
                "Män",
                "Skillnad K − M",
                "95 % KI, lägre",
                "95 % KI, övre",
                "Skillnaden säkerställd"));
    for (String code : def.measures()) {
      Measure m = d.model().measure(code);
      CellKey base =
          new CellKey(
              d.period().code(),
              code,
              TablesSheet.defaultCategory(m),
              ctx.focus(),
              code.startsWith("ANHORIGA_") ? Dimensions.RELATIVES : Dimensions.ALL,
              Dimensions.ALL,
              Dimensions.ALL);
      ProtectedCell k = d.cell(base.with(Dimensions.GENDER, "K")).orElse(null);
      ProtectedCell man = d.cell(base.with(Dimensions.GENDER, "M")).orElse(null);
      boolean share = m.kind() == MeasureKind.SHARE;
      Row r = b.newRow();
      b.label(r, 0, m.label() + (share ? " (skillnad i procentenheter)" : ""), StyleKey.ROW_LABEL);
      StyleKey fmt = Formats.of(m, false);
      b.value(r, 1, k, false, fmt);
      b.value(r, 2, man, false, fmt);
      if (k == null || man == null) {
        continue;
      }
      if (k.status().isSuppressed() || man.status().isSuppressed()) {
        // A difference would reveal the suppressed value.
        b.suppressed(r, 3);
        continue;
      }
      if (k.value() == null || man.value() == null) {
        continue;
      }
      if (share) {
        b.number(r, 3, (k.value() - man.value()) * 100, StyleKey.DECIMAL);
        double[] ci =
            Intervals.newcombe(k.numerator(), k.denominator(), man.numerator(), man.denominator());
        if (ci != null) {
          b.number(r, 4, ci[0] * 100, StyleKey.DECIMAL);
          b.number(r, 5, ci[1] * 100, StyleKey.DECIMAL);
          b.label(r, 6, ci[0] > 0 || ci[1] < 0 ? "Ja" : "Nej", StyleKey.ROW_LABEL);
        }
      } else {
        b.number(r, 3, k.value() - man.value(), fmt);
      }
    }
    b.sheet().createFreezePane(1, headerRow + 1);
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
