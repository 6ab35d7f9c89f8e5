package se.stockholm.sigstat.reporting.excel;

import se.stockholm.sigstat.model.Measure;

/** The number format a measure's values are shown with, from its unit. */
final class Formats {
  private Formats() {}

  static StyleKey of(Measure m, boolean numerator) {
    if (numerator) {
      return StyleKey.INTEGER;
    }
    String unit = m.unit();
    if (unit.equals("andel")) {
      return StyleKey.PERCENT;
    }
    if (unit.equals("p-värde")) {
      return StyleKey.P_VALUE;
    }
    if (unit.equals("skalsteg")) {
      // A mean change of a few tenths of a scale step needs two decimals to be read.
      return StyleKey.DECIMAL2;
    }
    if (unit.startsWith("kronor")
        || unit.equals("individer")
        || unit.equals("anhöriga")
        || unit.equals("insatsperioder")
        || unit.equals("samtal")) {
      return StyleKey.INTEGER;
    }
    return StyleKey.DECIMAL;
  }
}
