package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * "Sammanfattning": key figures by kön with the previous year beside them (and the city beside a
 * district), aktuella per verksamhet, and cost, årsarbetare and cost per aktuell of the latest year
 * with resources; then the main charts.
 */
public final class SummarySheet implements SheetWriter {
  private static final List<String> RESOURCE_ACTIVITIES =
      List.of(Dimensions.ALL, "SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE", Dimensions.RELATIVES);

  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx)
      throws IOException {
    ReportData d = ctx.data();
    ReportingPeriod now = d.period();
    ReportingPeriod prev = d.previousYear().orElse(null);
    String focusName = d.labels().value("stadsdel", ctx.focus(), null);
    SheetHeading.top(b, ctx, def.name());
    b.text("Nyckeltal – " + focusName + ", " + d.labels().period(now), StyleKey.SUBTITLE);
    List<String> header = new ArrayList<>();
    header.add("Mått");
    for (String g : d.grid().genders()) {
      header.add(d.labels().value("kon", g, null));
    }
    if (prev != null) {
      for (String g : List.of("K", "M", Dimensions.ALL)) {
        header.add(d.labels().period(prev) + ", " + d.labels().value("kon", g, null).toLowerCase());
      }
    }
    if (ctx.isDistrict()) {
      header.add("Staden, totalt");
    }
    int headerRow = b.header(header);
    for (String m : def.measures()) {
      Measure measure = d.model().measure(m);
      StyleKey fmt = Formats.of(measure, false);
      Row r = b.newRow();
      b.label(r, 0, d.labels().measure(m), StyleKey.ROW_LABEL);
      int col = 1;
      CellKey base = base(d, now, m, ctx.focus(), activityOf(measure));
      for (String g : d.grid().genders()) {
        b.value(r, col++, d.cell(base.with(Dimensions.GENDER, g)).orElse(null), false, fmt);
      }
      if (prev != null) {
        CellKey before = base(d, prev, m, ctx.focus(), activityOf(measure));
        for (String g : List.of("K", "M", Dimensions.ALL)) {
          b.value(r, col++, d.cell(before.with(Dimensions.GENDER, g)).orElse(null), false, fmt);
        }
      }
      if (ctx.isDistrict()) {
        b.value(r, col, d.cell(base.with(Dimensions.DISTRICT, d.city())).orElse(null), false, fmt);
      }
    }
    b.sheet().createFreezePane(1, headerRow + 1);
    if (ctx.isDistrict()) {
      b.text(
          "Där stadsdelens totalt visas som .. redovisas Kvinnor och Män: totalen döljs då för att"
              + " skydda gruppen Övrigt/uppgift saknas. Tom cell: uppgiften publiceras inte för"
              + " perioden (t.ex. bara volymer för tidigare år).",
          StyleKey.NOTE);
    } else {
      b.text(
          "Tom cell: uppgiften publiceras inte för perioden (för tidigare år bara volymer).",
          StyleKey.NOTE);
    }
    b.skip(1);
    activities(b, ctx, now, prev);
    b.skip(1);
    resources(b, ctx);
    SheetHeading.bottom(b, ctx);
    SheetHeading.charts(b, ctx, def.charts());
  }

  /** Aktuella individer per verksamhet, this period and the previous year (and the city). */
  private static void activities(
      SheetBuilder b, WorkbookContext ctx, ReportingPeriod now, ReportingPeriod prev) {
    ReportData d = ctx.data();
    b.text("Aktuella individer per verksamhet", StyleKey.SUBTITLE);
    List<String> header = new ArrayList<>();
    header.add("Verksamhet");
    header.add(d.labels().period(now));
    if (prev != null) {
      // "År 2025": a bare "2025" would read as a number, not as a heading.
      header.add("År " + d.labels().period(prev));
    }
    if (ctx.isDistrict()) {
      header.add("Staden, " + d.labels().period(now));
    }
    b.header(header);
    Measure aktuella = d.model().measure("AKTUELLA");
    for (String a : d.grid().activities(aktuella)) {
      Row r = b.newRow();
      b.label(
          r,
          0,
          d.labels().value("verksamhet", a, null),
          a.equals(Dimensions.ALL) ? StyleKey.TOTAL_LABEL : StyleKey.ROW_LABEL);
      int col = 1;
      b.value(
          r,
          col++,
          d.cell(base(d, now, "AKTUELLA", ctx.focus(), a)).orElse(null),
          false,
          StyleKey.INTEGER);
      if (prev != null) {
        b.value(
            r,
            col++,
            d.cell(base(d, prev, "AKTUELLA", ctx.focus(), a)).orElse(null),
            false,
            StyleKey.INTEGER);
      }
      if (ctx.isDistrict()) {
        b.value(
            r,
            col,
            d.cell(base(d, now, "AKTUELLA", d.city(), a)).orElse(null),
            false,
            StyleKey.INTEGER);
      }
    }
  }

  /** Cost, årsarbetare and cost per aktuell per verksamhet for the latest year with resources. */
  private static void resources(SheetBuilder b, WorkbookContext ctx) {
    ReportData d = ctx.data();
    ReportingPeriod year = d.yearPeriod();
    if (year.kind() != ReportingPeriod.Kind.YEAR) {
      return;
    }
    b.text(
        "Kostnad och årsarbetare " + d.labels().period(year) + " (ekonomisystemet, helår)",
        StyleKey.SUBTITLE);
    List<String> header =
        new ArrayList<>(
            List.of(
                "Verksamhet",
                "Kostnad, tkr",
                "Årsarbetare",
                "Kostnad per aktuell, kr",
                "Aktuella per årsarbetare"));
    if (ctx.isDistrict()) {
      header.add("Staden: kostnad, tkr");
      header.add("Staden: kostnad per aktuell, kr");
    }
    b.header(header);
    for (String a : RESOURCE_ACTIVITIES) {
      Row r = b.newRow();
      b.label(
          r,
          0,
          a.equals(Dimensions.ALL)
              ? "SIG, alla tre verksamheter"
              : d.labels().value("verksamhet", a, null),
          a.equals(Dimensions.ALL) ? StyleKey.TOTAL_LABEL : StyleKey.ROW_LABEL);
      int col = 1;
      b.value(r, col++, cell(d, year, "KOSTNAD_KR", ctx.focus(), a), false, StyleKey.TKR);
      b.value(r, col++, cell(d, year, "ARSARBETARE", ctx.focus(), a), false, StyleKey.DECIMAL);
      b.value(
          r, col++, cell(d, year, "KOSTNAD_PER_AKTUELL", ctx.focus(), a), false, StyleKey.INTEGER);
      b.value(
          r,
          col++,
          cell(d, year, "AKTUELLA_PER_ARSARBETARE", ctx.focus(), a),
          false,
          StyleKey.DECIMAL);
      if (ctx.isDistrict()) {
        b.value(r, col++, cell(d, year, "KOSTNAD_KR", d.city(), a), false, StyleKey.TKR);
        b.value(r, col, cell(d, year, "KOSTNAD_PER_AKTUELL", d.city(), a), false, StyleKey.INTEGER);
      }
    }
    b.text(
        "Kostnad per aktuell visas inte (..) där antalet aktuella inte visas av sekretesskäl."
            + " Anhörigstöd: kostnad per aktuell anhörig.",
        StyleKey.NOTE);
  }

  private static ProtectedCell cell(
      ReportData d, ReportingPeriod p, String measure, String district, String activity) {
    return d.cell(base(d, p, measure, district, activity)).orElse(null);
  }

  private static String activityOf(Measure m) {
    return m.activities() == Measure.Activities.RELATIVES ? Dimensions.RELATIVES : Dimensions.ALL;
  }

  private static CellKey base(
      ReportData d, ReportingPeriod p, String measure, String district, String activity) {
    return new CellKey(
        p.code(),
        measure,
        TablesSheet.defaultCategory(d.model().measure(measure)),
        district,
        activity,
        Dimensions.ALL,
        Dimensions.ALL);
  }
}
