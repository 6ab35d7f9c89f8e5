package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;

/**
 * A sheet of declared table blocks: a measure with one dimension on rows and one on columns,
 * repeated per value of a third. District workbooks get the city's total beside each table.
 */
public final class TablesSheet implements SheetWriter {
  @Override
  public void write(SheetBuilder b, ReportDefinition.Sheet def, WorkbookContext ctx)
      throws IOException {
    SheetHeading.top(b, ctx, def.name());
    int firstHeader = -1;
    for (ReportDefinition.Block block : def.blocks()) {
      String first = block.measures().get(0);
      List<String> perValues =
          block.per() == null
              ? java.util.Collections.singletonList(null)
              : values(block.per(), first, block, ctx);
      for (String per : perValues) {
        String title =
            block.title() != null
                ? block.title()
                : block.measures().size() == 1 ? ctx.data().labels().measure(first) : def.name();
        if (per != null) {
          title += " – " + ctx.data().labels().value(block.per(), per, first);
        }
        b.text(title, StyleKey.SUBTITLE);
        int header = table(b, block, per, ctx);
        firstHeader = firstHeader < 0 ? header : firstHeader;
        String scaleNote = binaryScaleNote(block, ctx);
        if (scaleNote != null) {
          b.text(scaleNote, StyleKey.NOTE);
        }
        b.skip(1);
      }
    }
    if (def.blocks().size() == 1 && def.blocks().get(0).per() == null && firstHeader >= 0) {
      b.sheet().createFreezePane(1, firstHeader + 1);
    } else {
      b.sheet().createFreezePane(0, SheetHeading.ROWS);
    }
    SheetHeading.bottom(b, ctx);
    SheetHeading.charts(b, ctx, def.charts());
  }

  /** Writes one table; returns the index of its header row. */
  private int table(SheetBuilder b, ReportDefinition.Block block, String per, WorkbookContext ctx) {
    ReportData d = ctx.data();
    String first = block.measures().get(0);
    List<String> rows = values(block.rows(), first, block, ctx);
    List<String> cols = values(block.columns(), first, block, ctx);
    boolean cityBeside =
        ctx.isDistrict()
            && block.columns().equals(Dimensions.GENDER)
            && !block.rows().equals(Dimensions.DISTRICT);
    List<String> header = new ArrayList<>();
    header.add(d.labels().header(block.rows(), first));
    for (String c : cols) {
      header.add(d.labels().value(block.columns(), c, first));
      if (block.columns().equals("matt") && block.intervals().contains(c)) {
        header.add("95 % KI, lägre");
        header.add("95 % KI, övre");
      }
    }
    if (cityBeside) {
      header.add("Staden, totalt");
    }
    int headerRow = b.header(header);
    for (String r : rows) {
      Row row = b.newRow();
      boolean total = r.equals(Dimensions.ALL) || r.equals(d.city());
      b.label(
          row,
          0,
          d.labels().value(block.rows(), r, first),
          total ? StyleKey.TOTAL_LABEL : StyleKey.ROW_LABEL);
      int col = 1;
      for (String c : cols) {
        CellKey key = key(block, per, block.rows(), r, block.columns(), c, ctx);
        ProtectedCell cell = d.cell(key).orElse(null);
        Measure m = d.model().measure(key.measure());
        boolean numerator = block.field().equals("taljare");
        b.value(row, col++, cell, numerator, Formats.of(m, numerator));
        if (block.columns().equals("matt") && block.intervals().contains(c)) {
          // The interval in its measure's own format: a share's as a percentage.
          StyleKey fmt = Formats.of(m, false);
          b.number(row, col++, cell == null ? null : cell.low(), fmt);
          b.number(row, col++, cell == null ? null : cell.high(), fmt);
        }
      }
      if (cityBeside) {
        CellKey key = key(block, per, block.rows(), r, block.columns(), Dimensions.ALL, ctx);
        key = key.with(Dimensions.DISTRICT, d.city());
        boolean numerator = block.field().equals("taljare");
        b.value(
            row,
            col,
            d.cell(key).orElse(null),
            numerator,
            Formats.of(d.model().measure(key.measure()), numerator));
      }
    }
    return headerRow;
  }

  private static CellKey key(
      ReportDefinition.Block block,
      String per,
      String rowDim,
      String rowValue,
      String colDim,
      String colValue,
      WorkbookContext ctx) {
    String measure = block.measures().get(0);
    if (rowDim.equals("matt")) {
      measure = rowValue;
    }
    if (colDim.equals("matt")) {
      measure = colValue;
    }
    CellKey k =
        new CellKey(
            ctx.data().period().code(),
            measure,
            defaultCategory(ctx.data().model().measure(measure)),
            ctx.focus(),
            measure.startsWith("ANHORIGA_") ? Dimensions.RELATIVES : Dimensions.ALL,
            Dimensions.ALL,
            Dimensions.ALL);
    for (var e : block.fixed().entrySet()) {
      k = k.with(e.getKey(), e.getValue());
    }
    if (per != null) {
      k = k.with(block.per(), per);
    }
    if (!rowDim.equals("matt")) {
      k = k.with(rowDim, rowValue);
    }
    if (!colDim.equals("matt")) {
      k = k.with(colDim, colValue);
    }
    return k;
  }

  static String defaultCategory(Measure m) {
    return m.categoryList() == null && !m.code().equals("FORBATTRAD_NAGOT_OMRADE")
        ? Dimensions.NO_CATEGORY
        : Dimensions.ALL;
  }

  static List<String> values(
      String dim, String measure, ReportDefinition.Block block, WorkbookContext ctx) {
    ReportData d = ctx.data();
    Measure m = d.model().measure(measure);
    return switch (dim) {
      case "stadsdel" -> ctx.isDistrict() ? List.of(ctx.district(), d.city()) : d.districts();
      case "verksamhet" -> d.grid().activities(m);
      case "kon" -> d.grid().genders();
      case "aldersgrupp" -> d.grid().ageBands();
      case "kategori" -> d.grid().categories(m);
      case "matt" -> block.measures();
      default -> throw new IllegalArgumentException("Unknown dimension " + dim);
    };
  }

  /**
   * Under a table of life domains: which domains are rated on a 0/1 scale, where a pair can only
   * improve, stay or worsen by one step (so a mean change there is a difference of shares).
   */
  static String binaryScaleNote(ReportDefinition.Block block, WorkbookContext ctx) {
    ReportData d = ctx.data();
    Measure m = d.model().measure(block.measures().get(0));
    if (!block.rows().equals(Dimensions.CATEGORY) || !"livsomrade".equals(m.categoryList())) {
      return null;
    }
    List<String> binary = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (se.stockholm.sigstat.model.LifeDomain dom : d.model().lifeDomains()) {
      String name = d.model().codeList("livsomrade").labelOf(dom.code());
      if (dom.max() - dom.min() == 1) {
        binary.add(name);
      } else {
        steps.add(name + " " + dom.min() + "–" + dom.max());
      }
    }
    if (binary.isEmpty()) {
      return null;
    }
    return "Skala 0/1 (ja/nej): "
        + String.join(", ", binary)
        + " – där är genomsnittlig förändring andelen förbättrade minus andelen försämrade."
        + " Övriga livsområden har fyra steg ("
        + String.join(", ", steps)
        + ").";
  }
}
