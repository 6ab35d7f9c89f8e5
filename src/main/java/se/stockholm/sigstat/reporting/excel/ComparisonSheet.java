package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * "Stadsdelsjämförelse" for budget planners: one year, districts as rows in three tables that each
 * fit an A4 landscape page: cost and årsarbetare, volume and outcome, cost per verksamhet. Costs in
 * tkr, n beside every share and cost per förbättrad, the city last.
 */
public final class ComparisonSheet implements SheetWriter {
  /** One column: a measure's cell at a verksamhet and kön, its field and its number format. */
  private record Col(
      String header, String measure, String activity, String gender, String field, StyleKey fmt) {}

  private static Col col(String header, String measure, StyleKey fmt) {
    return new Col(header, measure, Dimensions.ALL, Dimensions.ALL, "varde", fmt);
  }

  private static final List<Col> COST =
      List.of(
          col("Kostnad, tkr", "KOSTNAD_KR", StyleKey.TKR),
          col("Årsarbetare", "ARSARBETARE", StyleKey.DECIMAL),
          col("Kostnad per aktuell, kr", "KOSTNAD_PER_AKTUELL", StyleKey.INTEGER),
          col("Aktuella per årsarbetare", "AKTUELLA_PER_ARSARBETARE", StyleKey.DECIMAL),
          col("Kostnadsindex (staden = 100)", "KOSTNADSINDEX", StyleKey.INTEGER),
          col("Kostnad per förbättrad, kr", "KOSTNAD_PER_FORBATTRAD", StyleKey.INTEGER),
          new Col(
              "n förbättrade",
              "KOSTNAD_PER_FORBATTRAD",
              Dimensions.ALL,
              Dimensions.ALL,
              "namnare",
              StyleKey.INTEGER));

  private static final List<Col> VOLUME =
      List.of(
          new Col("Aktuella, kvinnor", "AKTUELLA", Dimensions.ALL, "K", "varde", StyleKey.INTEGER),
          new Col("Aktuella, män", "AKTUELLA", Dimensions.ALL, "M", "varde", StyleKey.INTEGER),
          col("Aktuella, totalt", "AKTUELLA", StyleKey.INTEGER),
          new Col(
              "Per 10 000 inv., kvinnor",
              "AKTUELLA_PER_10000",
              Dimensions.ALL,
              "K",
              "varde",
              StyleKey.DECIMAL),
          new Col(
              "Per 10 000 inv., män",
              "AKTUELLA_PER_10000",
              Dimensions.ALL,
              "M",
              "varde",
              StyleKey.DECIMAL),
          col("Per 10 000 inv., totalt", "AKTUELLA_PER_10000", StyleKey.DECIMAL),
          col("Förbättrade i något livsområde", "FORBATTRAD_NAGOT_OMRADE", StyleKey.PERCENT),
          new Col(
              "n (insatsperioder med bedömning)",
              "FORBATTRAD_NAGOT_OMRADE",
              Dimensions.ALL,
              Dimensions.ALL,
              "namnare",
              StyleKey.INTEGER));

  private static final List<String> ACTIVITIES =
      List.of("SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE", Dimensions.RELATIVES);

  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx)
      throws IOException {
    ReportData d = ctx.data();
    SheetHeading.top(b, ctx, def.name());
    b.text(
        "Kostnad och årsarbetare för de tre SIG-verksamheterna (SIG unga, SIG unga vuxna,"
            + " avhoppare; anhörigstöd i tabell 3)",
        StyleKey.SUBTITLE);
    int headerRow = table(b, d, COST, true);
    b.text(
        "Kostnad per aktuell, aktuella per årsarbetare och kostnadsindex visas inte (..) där"
            + " stadsdelens antal aktuella inte visas av sekretesskäl; tabell 3 har kostnad per"
            + " aktuell per verksamhet.",
        StyleKey.NOTE);
    b.skip(1);
    b.text("Aktuella individer och resultat", StyleKey.SUBTITLE);
    table(b, d, VOLUME, false);
    b.text(
        "Där totalen visas som .. redovisas kvinnor och män: totalen döljs för att skydda gruppen"
            + " Övrigt/uppgift saknas. Per 10 000 invånare 15–29 år av samma kön i stadsdelen.",
        StyleKey.NOTE);
    b.skip(1);
    b.text("Kostnad per verksamhet", StyleKey.SUBTITLE);
    List<Col> perActivity = new ArrayList<>();
    for (String a : ACTIVITIES) {
      String name = d.labels().value("verksamhet", a, null);
      perActivity.add(
          new Col(name + ": kostnad, tkr", "KOSTNAD_KR", a, Dimensions.ALL, "varde", StyleKey.TKR));
      if (a.equals(Dimensions.RELATIVES)) {
        perActivity.add(
            new Col(
                "Aktuella anhöriga",
                "ANHORIGA_AKTUELLA",
                a,
                Dimensions.ALL,
                "varde",
                StyleKey.INTEGER));
        perActivity.add(
            new Col(
                name + ": kr per anhörig",
                "KOSTNAD_PER_AKTUELL",
                a,
                Dimensions.ALL,
                "varde",
                StyleKey.INTEGER));
      } else {
        perActivity.add(
            new Col(
                name + ": kr per aktuell",
                "KOSTNAD_PER_AKTUELL",
                a,
                Dimensions.ALL,
                "varde",
                StyleKey.INTEGER));
      }
    }
    table(b, d, perActivity, false);
    b.skip(1);
    b.text(
        "Stadsdelarna summerar till mer än staden: en individ som varit aktuell i två stadsdelar"
            + " under året (t.ex. efter en flytt) räknas i båda, men en gång i staden.",
        StyleKey.NOTE);
    b.sheet().createFreezePane(1, headerRow + 1);
    SheetHeading.bottom(b, ctx);
    SheetHeading.charts(b, ctx, def.charts());
  }

  /** One table, districts as rows and the city last; returns its header row. */
  private static int table(SheetBuilder b, ReportData d, List<Col> cols, boolean filter) {
    List<String> header = new ArrayList<>();
    header.add("Stadsdel");
    cols.forEach(c -> header.add(c.header()));
    int headerRow = b.header(header);
    for (String district : d.districts()) {
      Row r = b.newRow();
      b.label(
          r,
          0,
          d.labels().value("stadsdel", district, null),
          district.equals(d.city()) ? StyleKey.TOTAL_LABEL : StyleKey.ROW_LABEL);
      int i = 1;
      for (Col c : cols) {
        ProtectedCell cell = cell(d, c, district);
        b.field(r, i++, cell, c.field(), c.fmt());
      }
    }
    if (filter) {
      // Sorting applies to the districts; the city row stays out of the filter range.
      b.autoFilter(headerRow, b.rowIndex() - 2, header.size() - 1);
    }
    return headerRow;
  }

  private static ProtectedCell cell(ReportData d, Col c, String district) {
    String measure = c.measure();
    return d.cell(
            new CellKey(
                d.period().code(),
                measure,
                TablesSheet.defaultCategory(d.model().measure(measure)),
                district,
                c.activity(),
                c.gender(),
                Dimensions.ALL))
        .orElse(null);
  }
}
