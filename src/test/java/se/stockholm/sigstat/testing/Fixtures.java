package se.stockholm.sigstat.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import se.stockholm.sigstat.aggregation.FollowUpStatistics;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/** Small hand-made warehouse tables, in the warehouse's own schemas. */
public final class Fixtures {
  private final SparkSession spark;
  private final FollowUpModel model;
  private final List<Row> episodes = new ArrayList<>();
  private final List<Row> assessments = new ArrayList<>();
  private final List<Row> interventions = new ArrayList<>();
  private final List<Row> relatives = new ArrayList<>();
  private final List<Row> resources = new ArrayList<>();
  private final List<Row> population = new ArrayList<>();
  private LocalDate delivered = LocalDate.of(2025, 3, 31);

  public Fixtures(SparkSession spark, FollowUpModel model) {
    this.spark = spark;
    this.model = model;
  }

  /** The delivery date of the rows added after this (2025-03-31 until set). */
  public Fixtures deliveredOn(String date) {
    delivered = LocalDate.parse(date);
    return this;
  }

  private static LocalDate d(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  /** An episode: district, id, person, birth date, kön, verksamhet, start, end, exit reason. */
  public Fixtures episode(
      String district,
      String id,
      String person,
      String born,
      String kon,
      String activity,
      String start,
      String end,
      String reason) {
    episodes.add(
        RowFactory.create(
            district, delivered, id, person, d(born), kon, activity, d(start), d(end), reason,
            null));
    return this;
  }

  public Fixtures rating(
      String district, String id, String occasion, String date, String domain, Integer rating) {
    assessments.add(
        RowFactory.create(district, delivered, id, occasion, d(date), domain, rating, null));
    return this;
  }

  public Fixtures intervention(
      String district, String id, String type, String start, String end, Double hours) {
    interventions.add(
        RowFactory.create(district, delivered, id, type, d(start), d(end), null, hours));
    return this;
  }

  public Fixtures relative(
      String district,
      String caseId,
      String person,
      String born,
      String kon,
      String relation,
      String target,
      String start,
      String end,
      Integer talks) {
    relatives.add(
        RowFactory.create(
            district,
            delivered,
            caseId,
            person,
            d(born),
            kon,
            relation,
            target,
            "SAMTAL_ENSKILT",
            d(start),
            d(end),
            talks));
    return this;
  }

  public Fixtures resource(String district, int year, String activity, double cost, double fte) {
    resources.add(RowFactory.create(district, delivered, year, activity, cost, fte, null));
    return this;
  }

  public Fixtures population(int year, String district, String kon, String band, int people) {
    population.add(RowFactory.create(year, district, kon, band, people));
    return this;
  }

  public Dataset<Row> episodes() {
    return table(episodes, "insatsperioder");
  }

  public Dataset<Row> assessments() {
    return table(assessments, "bedomningar");
  }

  public Dataset<Row> interventions() {
    return table(interventions, "insatser");
  }

  public Dataset<Row> relatives() {
    return table(relatives, "anhorigstod");
  }

  public Dataset<Row> resources() {
    return table(resources, "resurser");
  }

  public Dataset<Row> populationTable() {
    return spark.createDataFrame(
        population, SparkSchemas.reference(model.referenceFile("befolkning")));
  }

  /** Every table, as the aggregation reads them from the warehouse. */
  public FollowUpStatistics.Inputs statisticsInputs() {
    return new FollowUpStatistics.Inputs(
        episodes(), assessments(), interventions(), relatives(), resources(), populationTable());
  }

  private Dataset<Row> table(List<Row> rows, String file) {
    return spark.createDataFrame(rows, SparkSchemas.warehouse(model.deliveryFile(file)));
  }
}
