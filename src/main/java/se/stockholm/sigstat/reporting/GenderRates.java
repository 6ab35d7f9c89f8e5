package se.stockholm.sigstat.reporting;

import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.Measure;

/**
 * A person count of one kön per 10 000 inhabitants of that kön, from published cells only: the
 * count and the population that is the denominator of AKTUELLA_PER_10000 (AKTUELLA's own rate is
 * that cell's value), so no rate reveals more than the table does.
 */
public final class GenderRates {
  /** A rate, hidden (a figure behind it is suppressed), or not computable (no population). */
  public record Rate(Double value, boolean hidden, ProtectedCell count, ProtectedCell population) {}

  private GenderRates() {}

  /** True when the measure counts people with a population to compare with (not relatives). */
  public static boolean applies(Measure m) {
    return m.activities() != Measure.Activities.RELATIVES;
  }

  public static Rate of(ReportData d, String measure, String focus, String gender) {
    ProtectedCell count = cell(d, measure, focus, gender);
    ProtectedCell population = cell(d, "AKTUELLA_PER_10000", focus, gender);
    if (!applies(d.model().measure(measure)) || count == null || population == null) {
      return new Rate(null, false, count, population);
    }
    if (count.status().isSuppressed() || population.status().isSuppressed()) {
      return new Rate(null, true, count, population);
    }
    if (measure.equals("AKTUELLA")) {
      return new Rate(population.value(), false, count, population);
    }
    if (population.denominator() == null || population.denominator() <= 0) {
      return new Rate(null, false, count, population);
    }
    double n = count.value() == null ? 0 : count.value();
    return new Rate(n / population.denominator() * 10_000, false, count, population);
  }

  private static ProtectedCell cell(ReportData d, String measure, String focus, String gender) {
    Measure m = d.model().measure(measure);
    return d.cell(
            new CellKey(
                d.period().code(),
                measure,
                m.categoryList() == null ? Dimensions.NO_CATEGORY : Dimensions.ALL,
                focus,
                m.activities() == Measure.Activities.RELATIVES
                    ? Dimensions.RELATIVES
                    : Dimensions.ALL,
                gender,
                Dimensions.ALL))
        .orElse(null);
  }
}
