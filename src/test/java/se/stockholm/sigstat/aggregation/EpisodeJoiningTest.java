package se.stockholm.sigstat.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.DistrictStructure;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.testing.Fixtures;
import se.stockholm.sigstat.testing.SharedSpark;

/**
 * A case moved to Järva at the 2023-07-01 merger is one episode (districts.yaml mergerRule: exit
 * reason OVERFORD, at most 7 days), and an episode left open by a district that no longer exists
 * ends on the district's last day. Hand-made records, figures worked out in the comments.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EpisodeJoiningTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final LocalDate INDELNING = LocalDate.of(2023, 12, 31);
  private static final String UV = "SIG_UNGA_VUXNA";
  private static final String DOMAIN = "SYSSELSATTNING";
  private final Map<CellKey, Cell> cells = new HashMap<>();
  private Fixtures fixtures;

  @BeforeAll
  void compute(SparkSession spark) {
    fixtures =
        new Fixtures(spark, MODEL)
            .deliveredOn("2023-06-30")
            // P1: closed as transferred on Rinkeby-Kista's last day, on in Järva the next day.
            .episode(
                "RINKEBY_KISTA",
                "E1",
                "P1",
                "2000-01-01",
                "M",
                UV,
                "2023-01-10",
                "2023-06-30",
                "OVERFORD")
            .rating("RINKEBY_KISTA", "E1", "INSKRIVNING", "2023-01-12", DOMAIN, 1)
            // P2: transferred, on in Järva three days later, still open.
            .episode(
                "RINKEBY_KISTA",
                "E3",
                "P2",
                "2000-01-01",
                "M",
                UV,
                "2022-05-01",
                "2023-06-30",
                "OVERFORD")
            // P3: transferred, but a new episode in Järva only 46 days later: two episodes.
            .episode(
                "SPANGA_TENSTA",
                "E5",
                "P3",
                "2000-01-01",
                "M",
                UV,
                "2023-02-01",
                "2023-06-30",
                "OVERFORD")
            // P4: left open in Rinkeby-Kista's last delivery, nothing in Järva.
            .episode("RINKEBY_KISTA", "E7", "P4", "2000-01-01", "M", UV, "2023-03-01", null, null)
            // P5: left open in Spånga-Tensta's last delivery, on in Järva the next day.
            .episode("SPANGA_TENSTA", "E8", "P5", "2000-01-01", "M", UV, "2023-04-01", null, null)
            .deliveredOn("2025-03-31")
            .episode(
                "JARVA", "E2", "P1", "2000-01-01", "M", UV, "2023-07-01", "2023-10-31", "PLANERAT")
            // The successor's own intake rating is not a follow-up; its later rating is.
            .rating("JARVA", "E2", "INSKRIVNING", "2023-07-02", DOMAIN, 3)
            .rating("JARVA", "E2", "UPPFOLJNING", "2023-09-01", DOMAIN, 3)
            .intervention("JARVA", "E2", "LOTS", "2023-07-01", null, 5.0)
            .episode("JARVA", "E4", "P2", "2000-01-01", "M", UV, "2023-07-03", null, null)
            .episode("JARVA", "E6", "P3", "2000-01-01", "M", UV, "2023-08-15", null, null)
            .episode(
                "JARVA", "E9", "P5", "2000-01-01", "M", UV, "2023-07-01", "2024-02-01", "PLANERAT");
    new FollowUpStatistics(MODEL)
        .compute(
            fixtures.statisticsInputs(),
            new FollowUpStatistics.Settings(
                List.of(
                    ReportingPeriod.parse("2023-K2"),
                    ReportingPeriod.parse("2023-K3"),
                    ReportingPeriod.parse("2023")),
                0,
                INDELNING))
        .cells()
        .forEach(c -> cells.put(c.key(), c));
  }

  private Cell cell(String period, String measure, String category) {
    Cell c = cells.get(new CellKey(period, measure, category, "JARVA", "ALLA", "ALLA", "ALLA"));
    assertThat(c).as(period + " " + measure + " " + category).isNotNull();
    return c;
  }

  private Double value(String period, String measure) {
    return cell(period, measure, "").value();
  }

  @Test
  void aCaseMovedAtTheMergerIsNotClosedBeforeItNorNewAfterIt() {
    // 2023-K2: P1-P5 aktuella; new only P5 (2023-04-01); closed only P3 (transferred, not
    // continued within 7 days) and P4 (ends on Rinkeby-Kista's last day); P1, P2, P5 go on.
    assertThat(value("2023-K2", "AKTUELLA")).isEqualTo(5.0);
    assertThat(value("2023-K2", "NYA")).isEqualTo(1.0);
    assertThat(value("2023-K2", "AVSLUTADE")).isEqualTo(2.0);
    assertThat(value("2023-K2", "PAGAENDE_VID_SLUT")).isEqualTo(3.0);
    // 2023-K3: P1, P2, P3 (its new episode) and P5; only P3 is new; P4 has ended.
    assertThat(value("2023-K3", "AKTUELLA")).isEqualTo(4.0);
    assertThat(value("2023-K3", "NYA")).isEqualTo(1.0);
    assertThat(value("2023-K3", "AVSLUTADE")).isEqualTo(0.0);
    assertThat(value("2023-K3", "PAGAENDE_VID_SLUT")).isEqualTo(4.0);
  }

  @Test
  void durationsCountFromTheFirstInskrivningAndTransfersAreNotExits() {
    // Closed in 2023: P1 2023-01-10..10-31 (294 days, PLANERAT), P3's first 2023-02-01..06-30
    // (149, OVERFORD), P4 2023-03-01..06-30 (121, OKANT). P5 ends in 2024.
    assertThat(value("2023", "VARDTID_MEDIAN")).isEqualTo(149.0);
    assertThat(cell("2023", "AVSLUT_ORSAK", "ALLA").numerator()).isEqualTo(3.0);
    assertThat(cell("2023", "AVSLUT_ORSAK", "OVERFORD").numerator()).isEqualTo(1.0);
    assertThat(cell("2023", "AVSLUT_ORSAK", "OKANT").numerator()).isEqualTo(1.0);
    assertThat(cell("2023", "AVSLUT_ORSAK", "PLANERAT").numerator()).isEqualTo(1.0);
  }

  @Test
  void aJoinedEpisodeKeepsTheAssessmentsAndInsatserOfBothRecords() {
    // P1: baseline 1 (Rinkeby-Kista, 2023-01-12), follow-up 3 (Järva, 2023-09-01): improved.
    assertThat(cell("2023-K3", "FORANDRING_PAR", DOMAIN).value()).isEqualTo(1.0);
    assertThat(cell("2023-K3", "FORBATTRAD", DOMAIN).numerator()).isEqualTo(1.0);
    assertThat(cell("2023-K3", "INSATS_INDIVIDER", "LOTS").numerator()).isEqualTo(1.0);
  }

  @Test
  void episodesLeftOpenByADistrictThatNoLongerExistsAreCountedPerDistrict() {
    Map<String, Long> counts = new HashMap<>();
    for (Row r :
        EpisodeJoining.endedAtDissolution(
                fixtures.episodes(), MODEL.districts(), LocalDate.of(2025, 3, 31))
            .collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(Map.of("RINKEBY_KISTA", 1L, "SPANGA_TENSTA", 1L));
    // Before the district's last day has passed, nothing has ended.
    assertThat(
            EpisodeJoining.endedAtDissolution(
                    fixtures.episodes(), MODEL.districts(), LocalDate.of(2023, 6, 30))
                .count())
        .isZero();
  }

  @Test
  void recordsAreJoinedOnlyWhereTheReportedStructureShowsOneDistrict() {
    LocalDate asOf = LocalDate.of(2025, 3, 31);
    assertThat(
            EpisodeJoining.apply(fixtures.episodes(), MODEL.districts(), INDELNING, asOf)
                .keys()
                .collectAsList())
        .extracting(r -> r.getString(1) + "->" + r.getString(3))
        .containsExactlyInAnyOrder("E2->E1", "E4->E3", "E9->E8");
    assertThat(
            EpisodeJoining.apply(
                    fixtures.episodes(), MODEL.districts(), LocalDate.of(2023, 6, 30), asOf)
                .keys()
                .count())
        .isZero();
  }

  @Test
  void aCaseMovedAcrossTwoMergersIsOneEpisode(SparkSession spark) {
    DistrictStructure twice =
        new DistrictStructure(
            List.of(
                new District("X", "X", LocalDate.of(2007, 1, 1), LocalDate.of(2020, 6, 30), "Y"),
                new District("Y", "Y", LocalDate.of(2020, 7, 1), LocalDate.of(2023, 6, 30), "Z"),
                new District("Z", "Z", LocalDate.of(2023, 7, 1), null, null)),
            "STAD",
            "Staden",
            MODEL.districts().mergerRule());
    Fixtures f =
        new Fixtures(spark, MODEL)
            .episode("X", "A", "P", "2000-01-01", "K", UV, "2019-03-01", "2020-06-30", "OVERFORD")
            .episode("Y", "B", "P", "2000-01-01", "K", UV, "2020-07-01", "2023-06-30", "OVERFORD")
            .episode("Z", "C", "P", "2000-01-01", "K", UV, "2023-07-02", null, null);
    List<Row> joined =
        EpisodeJoining.apply(
                f.episodes(), twice, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))
            .episodes()
            .select("stadsdel", "period_id", "inskrivningsdatum", "avslutsdatum")
            .collectAsList();
    assertThat(joined).hasSize(1);
    assertThat(joined.get(0).getString(1)).isEqualTo("A");
    assertThat(joined.get(0).get(2)).isEqualTo(LocalDate.of(2019, 3, 1));
    assertThat(joined.get(0).isNullAt(3)).isTrue();
  }
}
