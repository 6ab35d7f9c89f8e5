package se.stockholm.sigstat.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * AKTUELLA_PER_10000: aktuella per 10 000 inhabitants of the same district, kön and age band (age
 * total: the 15–29 bands; kön total: K + M), in the population table's latest year not after the
 * period's end (population figures are published with a delay). Finished on the driver.
 */
final class PopulationRates {
  static final String MEASURE = "AKTUELLA_PER_10000";

  /** Age bands that make up the age total of the population denominator (15–29). */
  private static final List<String> YOUTH_BANDS = List.of("15-17", "18-20", "21-24", "25-29");

  private final Map<String, Double> people = new HashMap<>();
  private final List<Integer> years = new ArrayList<>();

  /**
   * @param rows befolkning rows: ar, stadsdel, kon, aldersgrupp, antal
   */
  PopulationRates(List<Row> rows, FollowUpModel model, LocalDate indelning) {
    String city = model.districts().cityCode();
    for (Row r : rows) {
      int year = r.getInt(0);
      if (!years.contains(year)) {
        years.add(year);
      }
      String district = model.districts().mapTo(r.getString(1), indelning);
      String gender = r.getString(2);
      String band = r.getString(3);
      double n = r.getInt(4);
      for (String d : List.of(district, city)) {
        for (String g : List.of(gender, Dimensions.ALL)) {
          add(year, d, g, band, n);
          if (YOUTH_BANDS.contains(band)) {
            add(year, d, g, Dimensions.ALL, n);
          }
        }
      }
    }
    years.sort(null);
  }

  /** A rate cell beside every AKTUELLA cell of the period. */
  void add(ReportingPeriod p, Map<CellKey, Cell> cells) {
    for (Cell c : new ArrayList<>(cells.values())) {
      CellKey k = c.key();
      if (!k.period().equals(p.code()) || !k.measure().equals("AKTUELLA")) {
        continue;
      }
      Double n = people(p.end().getYear(), k.district(), k.gender(), k.ageBand());
      CellKey rateKey = k.withMeasure(MEASURE, Dimensions.NO_CATEGORY);
      Cell rate = new Cell(rateKey, null, null, n);
      if (n != null && n > 0) {
        rate.value(c.value() / n * 10_000);
      }
      cells.put(rateKey, rate);
    }
  }

  private void add(int year, String d, String g, String band, double n) {
    people.merge(year + "|" + d + "|" + g + "|" + band, n, Double::sum);
  }

  private Double people(int year, String district, String gender, String band) {
    Integer use = null;
    for (int y : years) {
      if (y <= year) {
        use = y;
      }
    }
    return use == null ? null : people.get(use + "|" + district + "|" + gender + "|" + band);
  }
}
