package se.stockholm.sigstat.reporting.excel;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.publish.DeliveryInfo;
import se.stockholm.sigstat.publish.ProtectionSummary;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/** "Om rapporten": period, structure, data as of, run, the confidentiality rule, definitions. */
public final class AboutSheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx) {
    ReportData d = ctx.data();
    SheetHeading.top(b, ctx, def.name());
    pair(b, "Rapport", ctx.title());
    pair(b, "Period", SheetHeading.periodText(d));
    if (d.hasPreliminaryPeriods()) {
      pair(
          b,
          "Preliminärt",
          "En period som slutar efter senaste leveransdatum redovisas t.o.m. det datumet och är"
              + " märkt (preliminär): uppgifterna kan ändras när perioden är slut.");
    }
    pair(
        b,
        "Stadsdelsindelning",
        "Stadsdelar enligt indelningen den "
            + d.indelning()
            + "; tidigare stadsdelar redovisas under sina efterträdare: "
            + mergers(d)
            + ".");
    pair(b, "Uppgifter t.o.m.", d.dataAsOf());
    pair(
        b,
        "Körning",
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Stockholm"))
            .format(d.runTime()));
    pair(b, "Programversion", "sigstat " + d.version());
    pair(
        b,
        "Sekretess",
        d.minCell() <= 1
            ? "SEKRETESSKYDDET ÄR AVSTÄNGT (k = 1). Endast för intern kvalitetskontroll."
            : "Antal under "
                + d.minCell()
                + " visas inte (primär röjandekontroll). Andelar, medelvärden, kostnader"
                + " och andra värden som bygger på ett sådant antal visas inte heller. Därtill"
                + " döljs fler celler (sekundär röjandekontroll) så att inget dolt antal kan"
                + " räknas fram ur de publicerade uppgifterna med något av de samband som"
                + " gäller mellan dem: summor och delsummor, andra mått (aktuella = avslutade +"
                + " pågående), andra perioder (ett år och dess kvartal), medelvärden och"
                + " konfidensintervall.");
    ProtectionSummary p = d.protection();
    if (p != null && d.minCell() > 1) {
      pair(
          b,
          "Granskning",
          String.format(
              java.util.Locale.forLanguageTag("sv-SE"),
              "Tabellen har %,d celler, varav %,d visas inte (%,d primärt, %,d sekundärt;"
                  + " %.1f %% av cellerna med innehåll). En granskning som agerar som en"
                  + " utomstående har prövat %,d samband mellan de publicerade uppgifterna och"
                  + " kunde inte räkna fram något dolt antal (%d återskapade).",
              p.cells(),
              p.primary() + p.secondary(),
              p.primary(),
              p.secondary(),
              100 * p.suppressedShare(),
              p.relations(),
              p.recovered()));
    }
    pair(
        b,
        "Teckenförklaring",
        ".. = uppgiften visas inte av sekretesskäl; tom cell = uppgift "
            + "saknas eller kan inte beräknas.");
    b.skip(1);
    b.text("Leveranser", StyleKey.SUBTITLE);
    b.header(
        List.of(
            "Stadsdel",
            "Leveransdatum",
            "Status",
            "Lästa rader",
            "Godkända",
            "Avvisade",
            "Redovisas under",
            "Anmärkning"));
    for (DeliveryInfo i : d.deliveries()) {
      if (ctx.isDistrict()
          && !d.model().districts().mapTo(i.district(), d.indelning()).equals(ctx.district())) {
        continue;
      }
      Row r = b.newRow();
      b.label(r, 0, d.labels().value("stadsdel", i.district(), null), StyleKey.ROW_LABEL);
      b.label(r, 1, i.deliveryDate(), StyleKey.ROW_LABEL);
      b.label(r, 2, i.status().isPublished() ? "Publicerad" : "Avvisad", StyleKey.ROW_LABEL);
      b.number(r, 3, (double) i.read(), StyleKey.INTEGER);
      b.number(r, 4, (double) i.accepted(), StyleKey.INTEGER);
      b.number(r, 5, (double) i.rejected(), StyleKey.INTEGER);
      b.label(
          r,
          6,
          d.labels()
              .value("stadsdel", d.model().districts().mapTo(i.district(), d.indelning()), null),
          StyleKey.ROW_LABEL);
      b.label(
          r,
          7,
          i.reason() == null
              ? ""
              : i.reason() + " Rapporten bygger på föregående " + "godkända leverans.",
          StyleKey.TEXT);
    }
    b.skip(1);
    b.text("Definitioner", StyleKey.SUBTITLE);
    b.header(List.of("Mått", "Kod", "Enhet", "Definition"));
    for (Measure m : d.model().measures()) {
      Row r = b.newRow();
      b.label(r, 0, m.label(), StyleKey.ROW_LABEL);
      b.label(r, 1, m.code(), StyleKey.ROW_LABEL);
      b.label(r, 2, m.unit(), StyleKey.ROW_LABEL);
      b.label(r, 3, m.definition(), StyleKey.TEXT);
      r.setHeightInPoints(Math.max(15f, SheetHeading.wrap(m.definition(), 65).size() * 13f + 2f));
    }
    b.sheet().createFreezePane(0, SheetHeading.ROWS);
    SheetHeading.bottom(b, ctx);
  }

  private static void pair(SheetBuilder b, String label, String value) {
    Row r = b.newRow();
    b.label(r, 0, label, StyleKey.BOLD);
    b.label(r, 1, value, StyleKey.TEXT);
    // Long texts wrap in their column (60 characters); streamed rows need their height set.
    r.setHeightInPoints(Math.max(15f, SheetHeading.wrap(value, 65).size() * 13f + 2f));
  }

  /** "Rinkeby-Kista och Spånga-Tensta (t.o.m. 2023-06-30) under Järva; ..." from districts.yaml. */
  static String mergers(ReportData d) {
    java.util.Map<String, List<String>> bySuccessor = new java.util.LinkedHashMap<>();
    for (se.stockholm.sigstat.model.District x : d.model().districts().all()) {
      if (x.successor() != null && x.validTo() != null) {
        String now = d.model().districts().mapTo(x.code(), d.indelning());
        bySuccessor
            .computeIfAbsent(now, k -> new java.util.ArrayList<>())
            .add(x.name() + " (t.o.m. " + x.validTo() + ")");
      }
    }
    List<String> parts = new java.util.ArrayList<>();
    bySuccessor.forEach(
        (to, from) ->
            parts.add(
                String.join(" och ", from)
                    + " redovisas under "
                    + d.labels().value("stadsdel", to, null)));
    return parts.isEmpty() ? "inga sammanslagningar" : String.join("; ", parts);
  }
}
