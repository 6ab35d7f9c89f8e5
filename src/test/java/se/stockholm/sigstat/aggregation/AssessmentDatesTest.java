package se.stockholm.sigstat.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.testing.Fixtures;
import se.stockholm.sigstat.testing.SharedSpark;

/**
 * A period's life-situation figures use only assessments dated on or before its end, baselines too,
 * so a past period's figures do not change when later deliveries arrive.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentDatesTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final String DOMAIN = "SYSSELSATTNING";
  private final Map<CellKey, Cell> cells = new HashMap<>();

  @BeforeAll
  void compute(SparkSession spark) {
    Fixtures f =
        new Fixtures(spark, MODEL)
            // A: baseline and follow-up in 2024, 1 -> 2.
            .episode(
                "FARSTA", "E1", "A", "2000-01-01", "M", "SIG_UNGA_VUXNA", "2024-03-01", null, null)
            .rating("FARSTA", "E1", "INSKRIVNING", "2024-03-05", DOMAIN, 1)
            .rating("FARSTA", "E1", "UPPFOLJNING", "2024-09-01", DOMAIN, 2)
            // B: aktuell in 2024, but its baseline is dated 2025-01-08 and its follow-up later.
            .episode(
                "FARSTA", "E2", "B", "2000-01-01", "M", "SIG_UNGA_VUXNA", "2024-12-20", null, null)
            .rating("FARSTA", "E2", "INSKRIVNING", "2025-01-08", DOMAIN, 2)
            .rating("FARSTA", "E2", "UPPFOLJNING", "2025-03-01", DOMAIN, 3);
    new FollowUpStatistics(MODEL)
        .compute(
            f.statisticsInputs(),
            new FollowUpStatistics.Settings(
                List.of(ReportingPeriod.parse("2024"), ReportingPeriod.parse("2025-K1")),
                0,
                LocalDate.of(2024, 12, 31)))
        .cells()
        .forEach(c -> cells.put(c.key(), c));
  }

  private Cell city(String period, String measure) {
    Cell c = cells.get(new CellKey(period, measure, DOMAIN, "STHLM", "ALLA", "ALLA", "ALLA"));
    assertThat(c).as(period + " " + measure).isNotNull();
    return c;
  }

  @Test
  void aBaselineDatedAfterThePeriodDoesNotCountInTheFollowUpRate() {
    // 2024: only A has a baseline by 2024-12-31, and A has a pair: 1 of 1.
    Cell rate = city("2024", "UPPFOLJNINGSGRAD");
    assertThat(rate.numerator()).isEqualTo(1.0);
    assertThat(rate.denominator()).isEqualTo(1.0);
    assertThat(rate.value()).isEqualTo(1.0);
    assertThat(city("2024", "FORANDRING_PAR").value()).isEqualTo(1.0);
  }

  @Test
  void theSameAssessmentsCountInTheLaterPeriod() {
    // 2025-K1: both baselines and both follow-ups are dated by 2025-03-31.
    Cell rate = city("2025-K1", "UPPFOLJNINGSGRAD");
    assertThat(rate.numerator()).isEqualTo(2.0);
    assertThat(rate.denominator()).isEqualTo(2.0);
    assertThat(city("2025-K1", "FORBATTRAD").numerator()).isEqualTo(2.0);
  }
}
