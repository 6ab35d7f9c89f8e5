package se.stockholm.sigstat.disclosure;

import java.util.List;
import java.util.Set;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.model.DisclosureRules;

/**
 * What hiding a cell costs in lost information (disclosure.yaml costs): the measure's weight times
 * the weight of each coordinate, less outside the report periods, far more for a published zero
 * (hiding a zero protects little: counts cannot be negative).
 */
final class SuppressionCost {
  private static final List<String> WEIGHED =
      List.of(
          Dimensions.GENDER,
          Dimensions.DISTRICT,
          Dimensions.ACTIVITY,
          Dimensions.AGE_BAND,
          Dimensions.CATEGORY);

  private SuppressionCost() {}

  /**
   * @param onlyZeros per cell, whether every count it gives away is zero (a published zero that
   *     reveals nothing else, unlike a zero share whose denominator is not zero)
   */
  static double[] of(
      List<CellKey> cells,
      boolean[] onlyZeros,
      Set<String> reportPeriods,
      DisclosureRules.Costs costs) {
    double[] cost = new double[cells.size()];
    for (int c = 0; c < cost.length; c++) {
      CellKey k = cells.get(c);
      double w = costs.measure(k.measure());
      for (String dim : WEIGHED) {
        w *= costs.coordinate(dim, k.coordinate(dim));
      }
      if (!reportPeriods.contains(k.period())) {
        w *= costs.trendPeriod();
      }
      if (onlyZeros[c]) {
        w *= costs.publishedZero();
      }
      cost[c] = w;
    }
    return cost;
  }
}
