package se.stockholm.sigstat.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import scala.collection.Seq;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.PublishedTable;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * Finishes the collected cells on the driver: fills cells the data has no rows for (a count of zero
 * is a published zero), divides numerators by denominators, adds intervals and p-values, rates per
 * 10 000 inhabitants and the resource measures, and orders the table.
 */
public final class TableAssembly {
  /** Measures computed for every period, the trend series included. */
  public static final List<String> TREND_MEASURES =
      List.of("AKTUELLA", "NYA", "AVSLUTADE", "PAGAENDE_VID_SLUT", "AKTUELLA_PER_10000");

  /** Age bands that make up the age total of the population denominator (15–29). */
  private static final List<String> YOUTH_BANDS = List.of("15-17", "18-20", "21-24", "25-29");

  private final FollowUpModel model;
  private final CubeGrid grid;
  private final LocalDate indelning;
  private final Map<CellKey, Cell> cells = new LinkedHashMap<>();

  public TableAssembly(FollowUpModel model, LocalDate indelning) {
    this.model = model;
    this.indelning = indelning;
    this.grid = new CubeGrid(model, indelning);
  }

  /**
   * @param rows the long-format rows of every statistic (CellRows.SCHEMA)
   * @param population befolkning rows: ar, stadsdel, kon, aldersgrupp, antal
   * @param resources resurser rows: stadsdel, ar, verksamhet, kostnad_kr, arsarbetare
   */
  public AggregatedTable assemble(
      List<Row> rows,
      List<Row> population,
      List<Row> resources,
      List<ReportingPeriod> reportPeriods,
      List<ReportingPeriod> trendPeriods) {
    for (Row r : rows) {
      CellKey key =
          new CellKey(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              r.getString(5),
              r.getString(6));
      Cell c = new Cell(key, dbl(r, 7), dbl(r, 8), dbl(r, 9));
      if (!r.isNullAt(10)) {
        Seq<Object> aux = r.getSeq(10);
        double[] a = new double[aux.size()];
        for (int i = 0; i < a.length; i++) {
          Object v = aux.apply(i);
          a[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
        }
        c.aux(a);
      }
      cells.put(key, c);
    }
    Map<String, ReportingPeriod> periods = new LinkedHashMap<>();
    for (ReportingPeriod p : Periods.distinct(concat(reportPeriods, trendPeriods))) {
      periods.put(p.code(), p);
    }
    List<String> full = reportPeriods.stream().map(ReportingPeriod::code).distinct().toList();
    PopulationRates rates = new PopulationRates(population, model, indelning);
    Set<CellKey> published = new LinkedHashSet<>();
    for (ReportingPeriod p : periods.values()) {
      boolean isReport = full.contains(p.code());
      for (PublishedTable t : model.tables()) {
        if (!t.covers(p, isReport)) {
          continue;
        }
        for (String code : t.measures()) {
          Measure m = model.measure(code);
          for (CellKey key : grid.cells(t, m, p.code())) {
            published.add(key);
            cells.computeIfAbsent(key, k -> empty(k, m));
          }
        }
      }
      rates.add(p, cells);
      if (isReport) {
        finishShares(p.code());
      }
      if (p.kind() == ReportingPeriod.Kind.YEAR && (isReport || !resources.isEmpty())) {
        new ResourceMeasures(model, grid, cells, indelning).add(p, resources);
      }
    }
    cells.keySet().retainAll(published);
    return new AggregatedTable(ordered(periods), periods, full, indelning);
  }

  /** A cell the data has no rows for: a count of zero, a share of nothing, no value. */
  private static Cell empty(CellKey key, Measure m) {
    return switch (m.kind()) {
      case COUNT -> new Cell(key, 0.0, null, null);
      case SHARE -> new Cell(key, null, 0.0, null);
      default -> new Cell(key, null, null, null);
    };
  }

  private void finishShares(String period) {
    for (Cell c : cells.values()) {
      CellKey k = c.key();
      if (!k.period().equals(period)) {
        continue;
      }
      switch (k.measure()) {
        case "AVSLUT_ORSAK" -> {
          Cell all = cells.get(k.with(Dimensions.CATEGORY, Dimensions.ALL));
          share(c, all == null ? 0.0 : nz(all.numerator()), false);
        }
        case "FORBATTRAD", "OFORANDRAD", "FORSAMRAD", "FORBATTRAD_NAGOT_OMRADE" ->
            share(c, nz(c.denominator()), true);
        case "UPPFOLJNINGSGRAD" -> share(c, nz(c.denominator()), false);
        case "INSATS_INDIVIDER" -> share(c, aktuella(k), false);
        case "INSATS_TIMMAR_PER_INDIVID" -> {
          double n = aktuella(k);
          c.denominator(n);
          c.value(n > 0 ? nz(c.numerator()) / n : null);
        }
        case "FORANDRING_MEDEL" -> {
          if (c.value() != null && c.aux() != null) {
            double[] ci = Intervals.tInterval(c.value(), c.aux()[0], nz(c.denominator()));
            if (ci != null) {
              c.interval(ci[0], ci[1]);
            }
          }
        }
        case "FORANDRING_P" ->
            c.value(
                c.aux() == null ? null : Intervals.wilcoxon(c.aux(), LifeSituationChange.MAX_STEP));
        default -> {}
      }
    }
  }

  private double aktuella(CellKey k) {
    Cell a = cells.get(k.withMeasure("AKTUELLA", Dimensions.NO_CATEGORY));
    return a == null ? 0 : nz(a.value());
  }

  private static void share(Cell c, double denominator, boolean wilson) {
    double t = nz(c.numerator());
    c.numerator(t);
    c.denominator(denominator);
    if (denominator > 0) {
      c.value(t / denominator);
      if (wilson) {
        double[] ci = Intervals.wilson(t, denominator);
        c.interval(ci[0], ci[1]);
      }
    } else {
      c.value(null);
    }
  }

  private List<Cell> ordered(Map<String, ReportingPeriod> periods) {
    Map<String, Integer> periodOrder = index(new ArrayList<>(periods.keySet()));
    Map<String, Integer> measureOrder =
        index(model.measures().stream().map(Measure::code).toList());
    Map<String, Integer> districtOrder = index(grid.districts());
    Map<String, Integer> activityOrder = index(grid.allActivities());
    Map<String, Integer> genderOrder = index(grid.genders());
    Map<String, Integer> ageOrder = index(grid.ageBands());
    Map<String, Map<String, Integer>> categoryOrder = new HashMap<>();
    for (Measure m : model.measures()) {
      categoryOrder.put(m.code(), index(grid.categories(m)));
    }
    List<Cell> list = new ArrayList<>(cells.values());
    list.sort(
        (a, b) -> {
          CellKey x = a.key();
          CellKey y = b.key();
          int c = Integer.compare(periodOrder.get(x.period()), periodOrder.get(y.period()));
          if (c == 0) {
            c = Integer.compare(measureOrder.get(x.measure()), measureOrder.get(y.measure()));
          }
          if (c == 0) {
            Map<String, Integer> co = categoryOrder.get(x.measure());
            c =
                Integer.compare(
                    co.getOrDefault(x.category(), 999), co.getOrDefault(y.category(), 999));
          }
          if (c == 0) {
            c =
                Integer.compare(
                    districtOrder.getOrDefault(x.district(), 999),
                    districtOrder.getOrDefault(y.district(), 999));
          }
          if (c == 0) {
            c = Integer.compare(activityOrder.get(x.activity()), activityOrder.get(y.activity()));
          }
          if (c == 0) {
            c = Integer.compare(genderOrder.get(x.gender()), genderOrder.get(y.gender()));
          }
          if (c == 0) {
            c = Integer.compare(ageOrder.get(x.ageBand()), ageOrder.get(y.ageBand()));
          }
          return c;
        });
    return list;
  }

  private static Map<String, Integer> index(List<String> values) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      m.put(values.get(i), i);
    }
    return m;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static double nz(Double d) {
    return d == null ? 0 : d;
  }

  private static Double dbl(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }
}
