package se.stockholm.sigstat.reporting;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.CubeGrid;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.publish.DeliveryInfo;
import se.stockholm.sigstat.publish.StatistikFiles;

/**
 * Everything a workbook is made from: the protected statistik table of a run (never anything less
 * protected), the model's labels and the run's delivery facts. Plain Java: no Spark here.
 */
public final class ReportData {
  private final StatistikFiles.Published table;
  private final FollowUpModel model;
  private final Map<CellKey, ProtectedCell> index = new HashMap<>();
  private final List<DeliveryInfo> deliveries;
  private final Instant runTime;
  private final String version;
  private final CubeGrid grid;
  private final Labels labels;
  private final ReportingPeriod period;
  private final List<String> districts;

  public ReportData(
      StatistikFiles.Published table,
      FollowUpModel model,
      List<DeliveryInfo> deliveries,
      Instant runTime,
      String version) {
    this.table = table;
    this.model = model;
    this.deliveries = deliveries;
    this.runTime = runTime;
    this.version = version;
    table.cells().forEach(c -> index.put(c.key(), c));
    this.grid = new CubeGrid(model, table.indelning());
    this.labels = new Labels(model);
    this.period = table.periods().get(table.reportPeriods().get(0));
    this.districts = alphabetical(grid.districts(), model);
  }

  private ReportData(ReportData other, ReportingPeriod period) {
    this.table = other.table;
    this.model = other.model;
    this.deliveries = other.deliveries;
    this.runTime = other.runTime;
    this.version = other.version;
    this.grid = other.grid;
    this.labels = other.labels;
    this.districts = other.districts;
    this.index.putAll(other.index);
    this.period = period;
  }

  /** The same data about another of the table's periods (the comparison is about a year). */
  public ReportData withPeriod(ReportingPeriod p) {
    return p.equals(period) ? this : new ReportData(this, p);
  }

  /** Districts in alphabetical order of their Swedish names, the city last: every sheet's order. */
  private static List<String> alphabetical(List<String> codes, FollowUpModel model) {
    Collator sv = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
    String city = model.districts().cityCode();
    List<String> sorted = new ArrayList<>(codes.stream().filter(c -> !c.equals(city)).toList());
    sorted.sort(
        Comparator.comparing(
            c -> model.districts().find(c).map(d -> d.name()).orElse(c), sv::compare));
    if (codes.contains(city)) {
      sorted.add(city);
    }
    return List.copyOf(sorted);
  }

  /** The districts of the structure in use, alphabetical by name, the city last. */
  public List<String> districts() {
    return districts;
  }

  /** The calendar year before the workbook's period, if the table has it (report or trend). */
  public Optional<ReportingPeriod> previousYear() {
    return Optional.ofNullable(table.periods().get(String.valueOf(period.start().getYear() - 1)));
  }

  /** The cell of a given period with totals for every dimension not given. */
  public Optional<ProtectedCell> cell(
      ReportingPeriod p,
      String measure,
      String category,
      String district,
      String activity,
      String gender) {
    return cell(new CellKey(p.code(), measure, category, district, activity, gender, "ALLA"));
  }

  public Optional<ProtectedCell> cell(CellKey key) {
    return Optional.ofNullable(index.get(key));
  }

  /** The cell of the report period with totals for every dimension not given. */
  public Optional<ProtectedCell> cell(
      String measure,
      String category,
      String district,
      String activity,
      String gender,
      String age) {
    return cell(new CellKey(period().code(), measure, category, district, activity, gender, age));
  }

  /** What a workbook is about: the first report period, or the one chosen by withPeriod. */
  public ReportingPeriod period() {
    return period;
  }

  /** A period of the table by its code (report or trend), or null. */
  public ReportingPeriod periodOf(String code) {
    return table.periods().get(code);
  }

  /** The first report period that is a calendar year (resources exist for years only). */
  public ReportingPeriod yearPeriod() {
    return table.reportPeriods().stream()
        .map(c -> table.periods().get(c))
        .filter(p -> p.kind() == ReportingPeriod.Kind.YEAR)
        .findFirst()
        .orElse(period());
  }

  /** The trend series' quarters in time order (the table lists them per report period). */
  public List<ReportingPeriod> trendPeriods() {
    return table.periods().values().stream()
        .filter(p -> p.kind() == ReportingPeriod.Kind.QUARTER)
        .sorted(java.util.Comparator.comparing(ReportingPeriod::start))
        .toList();
  }

  /** Every year of the table in time order, report periods that are years included. */
  public List<ReportingPeriod> trendYears() {
    return table.periods().values().stream()
        .filter(p -> p.kind() == ReportingPeriod.Kind.YEAR)
        .sorted(java.util.Comparator.comparing(ReportingPeriod::start))
        .toList();
  }

  /** True when a period of the table is preliminary (the data do not cover all of it). */
  public boolean hasPreliminaryPeriods() {
    return table.periods().values().stream().anyMatch(ReportingPeriod::preliminary);
  }

  public List<ProtectedCell> cells() {
    return table.cells();
  }

  public FollowUpModel model() {
    return model;
  }

  public CubeGrid grid() {
    return grid;
  }

  public Labels labels() {
    return labels;
  }

  /** What disclosure control did to the run's table (null for a table written without it). */
  public se.stockholm.sigstat.publish.ProtectionSummary protection() {
    return table.protection();
  }

  public int minCell() {
    return table.minCell();
  }

  public LocalDate indelning() {
    return table.indelning();
  }

  public List<DeliveryInfo> deliveries() {
    return deliveries;
  }

  public Instant runTime() {
    return runTime;
  }

  public String version() {
    return version;
  }

  public String city() {
    return model.districts().cityCode();
  }

  /** The newest delivery date among the published deliveries, for the source line. */
  public String dataAsOf() {
    return deliveries.stream()
        .filter(d -> d.status().isPublished())
        .map(DeliveryInfo::deliveryDate)
        .max(String::compareTo)
        .orElse("okänt datum");
  }

  /** "Källa: ..." under every table. */
  public String sourceLine() {
    return "Källa: SIG-uppföljningen, leveranser t.o.m. "
        + dataAsOf()
        + ". Bearbetning: socialförvaltningen.";
  }

  /** The footnote of suppressed cells, with this run's k. */
  public String suppressionNote() {
    return minCell() <= 1
        ? "Sekretesskyddet är avstängt (k = 1): rapporten får inte spridas utanför förvaltningen."
        : ".. Uppgiften visas inte av sekretesskäl (färre än " + minCell() + " individer).";
  }
}
