package se.stockholm.sigstat.reporting;

import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.model.CodeList;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.ReportingPeriod;

/** Swedish labels of dimension values and headers, all taken from data-schema/. */
public final class Labels {
  private final FollowUpModel model;

  public Labels(FollowUpModel model) {
    this.model = model;
  }

  public String value(String dimension, String code, String measure) {
    switch (dimension) {
      case "stadsdel" -> {
        return code.equals(model.districts().cityCode())
            ? model.districts().cityName()
            : model.districts().find(code).map(d -> d.name()).orElse(code);
      }
      case "verksamhet" -> {
        return code.equals(Dimensions.ALL)
            ? "Alla verksamheter"
            : model.codeList("verksamhet_resurser").labelOf(code);
      }
      case "kon" -> {
        return code.equals(Dimensions.ALL) ? "Totalt" : model.codeList("kon_tabell").labelOf(code);
      }
      case "aldersgrupp" -> {
        return code.equals(Dimensions.ALL)
            ? "Alla åldrar"
            : model.codeList("aldersgrupp").labelOf(code);
      }
      case "kategori" -> {
        if (code.equals(Dimensions.ALL)) {
          return "Samtliga";
        }
        Measure m = measure == null ? null : model.measure(measure);
        return m == null || m.categoryList() == null
            ? code
            : model.codeList(m.categoryList()).labelOf(code);
      }
      case "matt" -> {
        return model.measure(code).label();
      }
      default -> {
        return code;
      }
    }
  }

  public String header(String dimension, String measure) {
    return switch (dimension) {
      case "stadsdel" -> "Stadsdel";
      case "verksamhet" -> "Verksamhet";
      case "kon" -> "Kön";
      case "aldersgrupp" -> "Åldersgrupp";
      case "matt" -> "Mått";
      case "kategori" -> {
        Measure m = measure == null ? null : model.measure(measure);
        CodeList list =
            m == null || m.categoryList() == null ? null : model.codeList(m.categoryList());
        yield list == null ? "Kategori" : list.label();
      }
      default -> dimension;
    };
  }

  public String measure(String code) {
    return model.measure(code).label();
  }

  /**
   * A period as readers see it, marked "(preliminär)" when the data do not cover all of it yet.
   * Explicit dates are joined by an en dash: ".." is the suppression symbol in every workbook.
   */
  public String period(ReportingPeriod p) {
    String name =
        p.kind() == ReportingPeriod.Kind.DATES ? p.start() + "\u2013" + p.end() : p.code();
    return p.preliminary() ? name + " (preliminär)" : name;
  }

  /** A period's dates, "2026-01-01–2026-11-24". */
  public static String dates(ReportingPeriod p) {
    return p.start() + "\u2013" + p.end();
  }
}
