package se.stockholm.sigstat.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.testing.Fixtures;
import se.stockholm.sigstat.testing.SharedSpark;

/**
 * The per-domain measures and FORBATTRAD_NAGOT_OMRADE both read the pairs, which are most of the
 * work: the assessments must be read and grouped once, the second branch reusing the first's
 * exchange. A change that made the branches' inputs differ would compute them twice without
 * changing a figure or the number of Spark jobs; this test sees it in the plan.
 */
@ExtendWith(SharedSpark.class)
class LifeSituationPlanTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();

  @Test
  void theAssessmentsAreReadAndGroupedOnce(SparkSession spark, @TempDir Path dir) {
    Fixtures f =
        new Fixtures(spark, MODEL)
            .episode(
                "FARSTA", "E1", "A", "2000-01-01", "M", "SIG_UNGA_VUXNA", "2024-03-01", null, null)
            .rating("FARSTA", "E1", "INSKRIVNING", "2024-03-05", "BOENDE", 1)
            .rating("FARSTA", "E1", "UPPFOLJNING", "2024-09-01", "BOENDE", 2);
    // Read from Parquet as in a run (a local table would be folded by the optimizer).
    String path = dir.resolve("bedomningar").toString();
    f.assessments().write().parquet(path);
    Dataset<Row> assessments = spark.read().parquet(path);
    List<ReportingPeriod> periods =
        List.of(ReportingPeriod.parse("2024"), ReportingPeriod.parse("2024-H2"));
    List<List<String>> sets = GroupingSets.cube(List.of(Dimensions.DISTRICT, Dimensions.GENDER));
    Dataset<Row> rows =
        LifeSituationChange.apply(
            EpisodeFacts.episodes(f.episodes(), MODEL, LocalDate.of(2024, 12, 31)),
            assessments,
            Periods.toDataset(spark, periods),
            MODEL.lifeDomains(),
            MODEL.districts().cityCode(),
            sets,
            sets);

    String plan = rows.queryExecution().executedPlan().toString();
    assertThat(occurrences(plan, "FileScan parquet")).as(plan).isEqualTo(1);
    assertThat(plan).as(plan).contains("ReusedExchange");
    assertThat(rows.count()).isPositive();
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
