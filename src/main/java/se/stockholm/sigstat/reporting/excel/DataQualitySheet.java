package se.stockholm.sigstat.reporting.excel;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.LifeDomain;
import se.stockholm.sigstat.model.MergerRule;
import se.stockholm.sigstat.publish.DeliveryInfo;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * "Datakvalitet" per district: latest delivery and its rows read / accepted / rejected, episodes
 * left open by a district that ceased, uppföljningsgrad per life domain, and the share of aktuella
 * with kön missing or other.
 */
public final class DataQualitySheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx) {
    ReportData d = ctx.data();
    SheetHeading.top(b, ctx, def.name());
    List<String> header =
        new ArrayList<>(
            List.of(
                "Stadsdel",
                "Senaste leverans",
                "Lästa rader",
                "Godkända",
                "Avvisade",
                "Andel avvisade",
                "Öppna insatsperioder avslutade när stadsdelen upphörde",
                "Andel med kön saknas/annat"));
    int headerRow = b.header(header);
    List<String> districts = ctx.isDistrict() ? List.of(ctx.district(), d.city()) : d.districts();
    for (String district : districts) {
      Row r = b.newRow();
      b.label(
          r,
          0,
          d.labels().value("stadsdel", district, null),
          district.equals(d.city()) ? StyleKey.TOTAL_LABEL : StyleKey.ROW_LABEL);
      long read = 0;
      long accepted = 0;
      long rejected = 0;
      long closedAtDissolution = 0;
      String latest = "";
      for (DeliveryInfo i : d.deliveries()) {
        boolean mine =
            district.equals(d.city())
                || d.model().districts().mapTo(i.district(), d.indelning()).equals(district);
        if (mine && i.status().isPublished()) {
          read += i.read();
          accepted += i.accepted();
          rejected += i.rejected();
          closedAtDissolution += i.closedAtDissolution();
          latest = i.deliveryDate().compareTo(latest) > 0 ? i.deliveryDate() : latest;
        }
      }
      b.label(r, 1, latest, StyleKey.ROW_LABEL);
      b.number(r, 2, (double) read, StyleKey.INTEGER);
      b.number(r, 3, (double) accepted, StyleKey.INTEGER);
      b.number(r, 4, (double) rejected, StyleKey.INTEGER);
      b.number(r, 5, read == 0 ? null : (double) rejected / read, StyleKey.PERCENT);
      b.number(r, 6, (double) closedAtDissolution, StyleKey.INTEGER);
      ProtectedCell other =
          d.cell("AKTUELLA", "", district, Dimensions.ALL, "OVRIGT", Dimensions.ALL).orElse(null);
      ProtectedCell all =
          d.cell("AKTUELLA", "", district, Dimensions.ALL, Dimensions.ALL, Dimensions.ALL)
              .orElse(null);
      b.shows(other);
      b.shows(all);
      if (other != null && other.status().isSuppressed()
          || all != null && all.status().isSuppressed()) {
        // A share of a hidden count, or of a hidden total, would give it away.
        b.suppressed(r, 7);
      } else if (other != null && all != null && all.value() != null && all.value() > 0) {
        b.number(r, 7, (other.value() == null ? 0 : other.value()) / all.value(), StyleKey.PERCENT);
      }
    }
    b.autoFilter(headerRow, b.rowIndex() - 1, header.size() - 1);
    b.sheet().createFreezePane(1, headerRow + 1);
    b.skip(1);
    followUps(b, ctx, districts);
    b.skip(1);
    MergerRule merger = d.model().districts().mergerRule();
    b.text(
        "Insatsperioder som var öppna i den sista leveransen från en stadsdel som inte längre finns"
            + " räknas som avslutade på stadsdelens sista dag (avslutsorsak "
            + d.model().codeList("avslutsorsak").labelOf(merger.openEndReason())
            + "), eller som fortsatta om individen skrivits in i samma verksamhet i efterträdaren"
            + " inom "
            + merger.maxGapDays()
            + " dagar.",
        StyleKey.NOTE);
    SheetHeading.bottom(b, ctx);
  }

  /** Uppföljningsgrad with the life domains as rows and the districts as columns. */
  private static void followUps(SheetBuilder b, WorkbookContext ctx, List<String> districts) {
    ReportData d = ctx.data();
    b.text(
        "Uppföljningsgrad per livsområde: bedömningspar i förhållande till insatsperioder med en"
            + " utgångsskattning",
        StyleKey.SUBTITLE);
    List<String> header = new ArrayList<>();
    header.add("Livsområde");
    districts.forEach(x -> header.add(d.labels().value("stadsdel", x, null)));
    b.header(header);
    for (LifeDomain dom : d.model().lifeDomains()) {
      Row r = b.newRow();
      b.label(r, 0, d.model().codeList("livsomrade").labelOf(dom.code()), StyleKey.ROW_LABEL);
      int col = 1;
      for (String district : districts) {
        b.value(
            r,
            col++,
            d.cell(
                    new CellKey(
                        d.period().code(),
                        "UPPFOLJNINGSGRAD",
                        dom.code(),
                        district,
                        Dimensions.ALL,
                        Dimensions.ALL,
                        Dimensions.ALL))
                .orElse(null),
            false,
            StyleKey.PERCENT);
      }
    }
  }
}
