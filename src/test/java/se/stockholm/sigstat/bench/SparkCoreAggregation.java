package se.stockholm.sigstat.bench;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import se.stockholm.sigstat.aggregation.CellRows;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.aggregation.EpisodeFacts;
import se.stockholm.sigstat.aggregation.GroupingSets;
import se.stockholm.sigstat.aggregation.LifeSituationChange;
import se.stockholm.sigstat.aggregation.Periods;
import se.stockholm.sigstat.aggregation.VolumeCounts;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.warehouse.SnapshotStore;

/**
 * The core aggregation with sigstat's own aggregation classes, over stadsdel × kön with totals: the
 * volume and life-situation aggregations exactly as the nightly runs them (each computes its whole
 * family of measures in one pass), of which AKTUELLA and FORBATTRAD are compared.
 */
final class SparkCoreAggregation {
  private static final List<String> CUBED = List.of(Dimensions.DISTRICT, Dimensions.GENDER);

  private SparkCoreAggregation() {}

  static CoreFigures run(
      SparkSession spark, SnapshotStore store, FollowUpModel model, ReportingPeriod period) {
    LocalDate indelning = period.end();
    String city = model.districts().cityCode();
    // Read straight from Parquet, as DuckDB reads them. The nightly caches its episode facts
    // because they come out of the episode joining, which five statistics would otherwise each
    // compute again; here they are a projection of the file, and caching them cost more than
    // reading them twice (median 1.57 against 1.44 s at 100 000 persons, runs alternated).
    Dataset<Row> facts =
        EpisodeFacts.episodes(
            store.read(
                spark,
                "insatsperioder",
                SparkSchemas.warehouse(model.deliveryFile("insatsperioder"))),
            model,
            indelning);
    Dataset<Row> assessments =
        store.read(spark, "bedomningar", SparkSchemas.warehouse(model.deliveryFile("bedomningar")));
    Dataset<Row> periods = Periods.toDataset(spark, List.of(period));
    List<Row> rows =
        VolumeCounts.apply(facts, periods, city, GroupingSets.cube(CUBED))
            .union(
                LifeSituationChange.apply(
                    facts,
                    assessments,
                    periods,
                    model.lifeDomains(),
                    city,
                    GroupingSets.cube(CUBED),
                    GroupingSets.cube(CUBED)))
            .filter(col(Dimensions.MEASURE).isin("AKTUELLA", "FORBATTRAD"))
            .collectAsList();
    CoreFigures figures = new CoreFigures();
    for (Row r : rows) {
      String measure = r.getAs(Dimensions.MEASURE);
      boolean count = measure.equals("AKTUELLA");
      Double value = r.getAs(count ? CellRows.VALUE : CellRows.NUMERATOR);
      Double base = r.getAs(CellRows.DENOMINATOR);
      figures.put(
          measure,
          r.getAs(Dimensions.CATEGORY),
          r.getAs(Dimensions.DISTRICT),
          r.getAs(Dimensions.GENDER),
          value == null ? 0 : value.longValue(),
          count || base == null ? 0 : base.longValue());
    }
    return figures;
  }
}
