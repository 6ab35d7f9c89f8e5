package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.PublishedTable;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * The follow-up model's measures over the cube, as one Spark computation: a pure function from the
 * warehouse tables to the (unprotected) aggregated table. Only the finished cells reach the driver.
 */
public final class FollowUpStatistics {
  /** Warehouse tables, as read by the shell. */
  public record Inputs(
      Dataset<Row> episodes,
      Dataset<Row> assessments,
      Dataset<Row> interventions,
      Dataset<Row> relatives,
      Dataset<Row> resources,
      Dataset<Row> population) {}

  /**
   * @param reportPeriods periods computed with every measure
   * @param lookBackYears years of quarters and years in the trend series (volume measures)
   * @param indelning date whose district structure every figure is reported in
   */
  public record Settings(
      List<ReportingPeriod> reportPeriods, int lookBackYears, LocalDate indelning) {
    public Settings {
      if (reportPeriods.isEmpty()) {
        throw new IllegalArgumentException("Minst en rapportperiod behövs");
      }
      if (lookBackYears < 0) {
        throw new IllegalArgumentException(
            "--look-back ska vara 0 år eller fler, inte " + lookBackYears);
      }
    }

    public List<ReportingPeriod> trendPeriods() {
      List<ReportingPeriod> trend = new ArrayList<>();
      if (lookBackYears > 0) {
        reportPeriods.forEach(p -> trend.addAll(p.trend(lookBackYears)));
      }
      return Periods.distinct(trend);
    }
  }

  /** The data's as-of date: the latest delivery date of the episodes (null without any). */
  public static LocalDate asOf(Dataset<Row> episodes) {
    Row latest = episodes.agg(max(col("leveransdatum"))).first();
    return latest.isNullAt(0) ? null : (LocalDate) latest.get(0);
  }

  private final FollowUpModel model;

  public FollowUpStatistics(FollowUpModel model) {
    this.model = model;
    MeasureRegistry.check(model);
  }

  public AggregatedTable compute(Inputs in, Settings settings) {
    SparkSession spark = in.episodes().sparkSession();
    spark.sparkContext().setJobGroup("sigstat-aggregate", "SIG follow-up statistics", false);
    String city = model.districts().cityCode();
    LocalDate asOf = asOf(in.episodes());
    // Periods the data do not cover yet end on the as-of date, marked preliminary; the trend
    // leaves out periods that have not started.
    List<ReportingPeriod> reportPeriods =
        settings.reportPeriods().stream().map(p -> p.cutAt(asOf)).toList();
    List<ReportingPeriod> trendPeriods =
        settings.trendPeriods().stream()
            .filter(p -> asOf == null || !p.start().isAfter(asOf))
            .map(p -> p.cutAt(asOf))
            .toList();
    List<String> reportCodes = reportPeriods.stream().map(ReportingPeriod::code).toList();
    List<ReportingPeriod> trendOnly =
        trendPeriods.stream().filter(p -> !reportCodes.contains(p.code())).toList();
    Dataset<Row> report = Periods.toDataset(spark, reportPeriods);
    EpisodeJoining.Joined joined =
        EpisodeJoining.apply(in.episodes(), model.districts(), settings.indelning(), asOf);
    Dataset<Row> keys = joined.keys().cache();
    joined = new EpisodeJoining.Joined(joined.episodes(), keys);
    // Partitioned by person, the distinct-person counts group without moving a row between tasks.
    Dataset<Row> facts =
        EpisodeFacts.episodes(joined.episodes(), model, settings.indelning())
            .repartition(col(CellRows.PERSON))
            .cache();
    Dataset<Row> assessments = joined.rekey(in.assessments());
    Dataset<Row> interventions = joined.rekey(in.interventions());
    try {
      List<PublishedTable> tables = model.tables();
      Dataset<Row> rows =
          VolumeCounts.apply(
              facts, report, city, GroupingSets.of(tables, VolumeCounts.MEASURES, false));
      if (!trendOnly.isEmpty()) {
        rows =
            rows.union(
                VolumeCounts.apply(
                    facts,
                    Periods.toDataset(spark, trendOnly),
                    city,
                    GroupingSets.of(tables, VolumeCounts.MEASURES, true)));
      }
      rows =
          rows.union(
                  DurationAndExits.apply(
                      facts,
                      report,
                      city,
                      GroupingSets.of(tables, DurationAndExits.DURATION_MEASURES, false),
                      GroupingSets.of(tables, List.of(DurationAndExits.EXITS), false)))
              .union(
                  LifeSituationChange.apply(
                      facts,
                      assessments,
                      report,
                      model.lifeDomains(),
                      city,
                      GroupingSets.of(tables, LifeSituationChange.DOMAIN_MEASURES, false),
                      GroupingSets.of(tables, List.of(LifeSituationChange.ANY_DOMAIN), false)))
              .union(
                  InterventionReach.apply(
                      facts,
                      interventions,
                      report,
                      city,
                      GroupingSets.of(tables, InterventionReach.MEASURES, false)))
              .union(
                  RelativeSupport.apply(
                      EpisodeFacts.relatives(in.relatives(), model, settings.indelning()),
                      report,
                      city,
                      GroupingSets.of(tables, RelativeSupport.BY_TARGET_GROUP, false),
                      GroupingSets.of(tables, List.of(RelativeSupport.BY_RELATION), false)));
      List<Row> collected = rows.collectAsList();
      List<Row> population =
          in.population()
              .select("ar", "stadsdel", "kon", "aldersgrupp", "antal")
              .filter(col("antal").isNotNull())
              .collectAsList();
      List<Row> resources =
          in.resources()
              .select("stadsdel", "ar", "verksamhet", "kostnad_kr", "arsarbetare")
              .collectAsList();
      return new TableAssembly(model, settings.indelning())
          .assemble(collected, population, resources, reportPeriods, trendPeriods);
    } finally {
      facts.unpersist();
      keys.unpersist();
      spark.sparkContext().clearJobGroup();
    }
  }
}
