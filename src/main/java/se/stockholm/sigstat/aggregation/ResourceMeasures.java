package se.stockholm.sigstat.aggregation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * Resources of a calendar year per district × verksamhet (kön and age ALLA): cost and FTEs from the
 * finance system, and cost per aktuell, aktuella per FTE, cost per improved episode and the cost
 * index (city = 100, its level per aktuell counted in each district as the districts count them).
 * Verksamhet ALLA is the three SIG activities, without anhörigstöd.
 */
final class ResourceMeasures {
  /** The measures this statistic computes. */
  static final List<String> MEASURES =
      List.of(
          "KOSTNAD_KR",
          "ARSARBETARE",
          "KOSTNAD_PER_AKTUELL",
          "AKTUELLA_PER_ARSARBETARE",
          "KOSTNAD_PER_FORBATTRAD",
          "KOSTNADSINDEX");

  private static final List<String> SIG_ACTIVITIES =
      List.of("SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE");

  private final FollowUpModel model;
  private final CubeGrid grid;
  private final Map<CellKey, Cell> cells;
  private final LocalDate indelning;

  ResourceMeasures(
      FollowUpModel model, CubeGrid grid, Map<CellKey, Cell> cells, LocalDate indelning) {
    this.model = model;
    this.grid = grid;
    this.cells = cells;
    this.indelning = indelning;
  }

  void add(ReportingPeriod p, List<Row> resources) {
    String city = model.districts().cityCode();
    // Added up exactly: the rows come in the order of the warehouse's files, which is not fixed.
    Map<String, BigDecimal[]> exact = new HashMap<>();
    for (Row r : resources) {
      if (r.getInt(1) != p.start().getYear()) {
        continue;
      }
      String district = model.districts().mapTo(r.getString(0), indelning);
      String activity = r.getString(2);
      double cost = r.isNullAt(3) ? 0 : r.getDouble(3);
      double fte = r.isNullAt(4) ? 0 : r.getDouble(4);
      for (String d : List.of(district, city)) {
        add(exact, d, activity, cost, fte);
        if (SIG_ACTIVITIES.contains(activity)) {
          add(exact, d, Dimensions.ALL, cost, fte);
        }
      }
    }
    if (exact.isEmpty()) {
      return;
    }
    Map<String, double[]> sums = new HashMap<>();
    exact.forEach((k, s) -> sums.put(k, new double[] {s[0].doubleValue(), s[1].doubleValue()}));
    Map<String, Double> costPerCurrent = new HashMap<>();
    Map<String, Double> districtCurrent = new HashMap<>();
    for (String d : grid.districts()) {
      for (String a : grid.allActivities()) {
        double[] s = sums.get(d + "|" + a);
        if (s == null) {
          continue;
        }
        CellKey base =
            new CellKey(
                p.code(),
                "KOSTNAD_KR",
                Dimensions.NO_CATEGORY,
                d,
                a,
                Dimensions.ALL,
                Dimensions.ALL);
        put(base, s[0], null, null);
        put(base.withMeasure("ARSARBETARE", Dimensions.NO_CATEGORY), s[1], null, null);
        Double current =
            a.equals(Dimensions.RELATIVES)
                ? value(base.withMeasure("ANHORIGA_AKTUELLA", Dimensions.ALL))
                : value(base.withMeasure("AKTUELLA", Dimensions.NO_CATEGORY));
        Double perCurrent = ratio(s[0], current);
        costPerCurrent.put(d + "|" + a, perCurrent);
        if (!d.equals(city) && current != null) {
          districtCurrent.merge(a, current, Double::sum);
        }
        put(
            base.withMeasure("KOSTNAD_PER_AKTUELL", Dimensions.NO_CATEGORY),
            perCurrent,
            s[0],
            current);
        put(
            base.withMeasure("AKTUELLA_PER_ARSARBETARE", Dimensions.NO_CATEGORY),
            current == null ? null : ratio(current, s[1]),
            null,
            null);
        if (!a.equals(Dimensions.RELATIVES)) {
          Cell improved = cells.get(base.withMeasure("FORBATTRAD_NAGOT_OMRADE", Dimensions.ALL));
          Double n = improved == null ? null : improved.numerator();
          put(
              base.withMeasure("KOSTNAD_PER_FORBATTRAD", Dimensions.NO_CATEGORY),
              ratio(s[0], n),
              s[0],
              n);
        }
      }
    }
    // The index compares like with like: the city's level is its cost over the districts'
    // aktuella added up, so a person aktuell in two districts counts in both, as in the
    // districts' own cost per aktuell. The districts then average 100, weighted by aktuella.
    for (Map.Entry<String, Double> e : costPerCurrent.entrySet()) {
      String[] da = e.getKey().split("\\|");
      double[] citySums = sums.get(city + "|" + da[1]);
      Double cityLevel = citySums == null ? null : ratio(citySums[0], districtCurrent.get(da[1]));
      Double perCurrent = da[0].equals(city) ? cityLevel : e.getValue();
      Double index = perCurrent == null || cityLevel == null ? null : perCurrent / cityLevel * 100;
      put(
          new CellKey(
              p.code(),
              "KOSTNADSINDEX",
              Dimensions.NO_CATEGORY,
              da[0],
              da[1],
              Dimensions.ALL,
              Dimensions.ALL),
          index,
          null,
          null);
    }
  }

  private void put(CellKey key, Double value, Double numerator, Double denominator) {
    cells.put(key, new Cell(key, value, numerator, denominator));
  }

  private Double value(CellKey key) {
    Cell c = cells.get(key);
    return c == null ? null : c.value();
  }

  private static Double ratio(double a, Double b) {
    return b == null || b == 0 ? null : a / b;
  }

  private static void add(
      Map<String, BigDecimal[]> sums, String d, String a, double cost, double fte) {
    BigDecimal[] s =
        sums.computeIfAbsent(d + "|" + a, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    s[0] = s[0].add(BigDecimal.valueOf(cost));
    s[1] = s[1].add(BigDecimal.valueOf(fte));
  }
}
