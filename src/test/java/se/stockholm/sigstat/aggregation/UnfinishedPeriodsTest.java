package se.stockholm.sigstat.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * Data delivered up to 2026-11-24: the year 2026 and its fourth quarter end on that date and are
 * preliminary; complete periods stay as they are; the trend has no period that has not started.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnfinishedPeriodsTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  private AggregatedTable table;

  @BeforeAll
  void compute(SparkSession spark) {
    Fixtures f =
        new Fixtures(spark, MODEL)
            .deliveredOn("2026-11-20")
            .episode("FARSTA", "E1", "A", "2000-01-01", "M", "AVHOPPARE", "2025-06-01", null, null)
            .deliveredOn(AS_OF.toString())
            .episode(
                "BROMMA",
                "E2",
                "B",
                "2000-01-01",
                "K",
                "AVHOPPARE",
                "2026-02-01",
                "2026-11-10",
                "PLANERAT");
    table =
        new FollowUpStatistics(MODEL)
            .compute(
                f.statisticsInputs(),
                new FollowUpStatistics.Settings(
                    List.of(ReportingPeriod.parse("2026"), ReportingPeriod.parse("2025")),
                    1,
                    LocalDate.of(2025, 12, 31)));
  }

  @Test
  void aPeriodEndingAfterTheLatestDeliveryEndsOnItAndIsPreliminary() {
    Map<String, ReportingPeriod> periods = table.periods();
    assertThat(periods.get("2026").end()).isEqualTo(AS_OF);
    assertThat(periods.get("2026-K4").end()).isEqualTo(AS_OF);
    assertThat(periods.get("2026").preliminary()).isTrue();
    assertThat(periods.get("2026-K4").preliminary()).isTrue();
  }

  @Test
  void periodsTheDataCoverAreComplete() {
    Map<String, ReportingPeriod> periods = table.periods();
    assertThat(periods.get("2025")).isEqualTo(ReportingPeriod.year(2025));
    assertThat(periods.get("2026-K3")).isEqualTo(ReportingPeriod.quarter(2026, 3));
    assertThat(periods.values()).filteredOn(ReportingPeriod::preliminary).hasSize(2);
  }

  @Test
  void thePreliminaryPeriodsFiguresAreThoseOfItsLastDay() {
    Cell ongoing =
        table.cells().stream()
            .filter(
                c ->
                    c.key()
                        .equals(
                            new CellKey(
                                "2026-K4",
                                "PAGAENDE_VID_SLUT",
                                "",
                                "STHLM",
                                "ALLA",
                                "ALLA",
                                "ALLA")))
            .findFirst()
            .orElseThrow();
    // A goes on, B ended 2026-11-10.
    assertThat(ongoing.value()).isEqualTo(1.0);
  }
}
