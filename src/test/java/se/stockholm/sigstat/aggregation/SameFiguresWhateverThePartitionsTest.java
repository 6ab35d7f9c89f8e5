package se.stockholm.sigstat.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.testing.Fixtures;
import se.stockholm.sigstat.testing.SharedSpark;

/**
 * The same warehouse gives the same figures, to the last bit, however Spark splits the work: one
 * partition against several (as on more cores or a cluster), rows in another order. Hours and FTEs
 * in tenths, whose sums as doubles depend on the order, make a difference visible.
 */
@ExtendWith(SharedSpark.class)
class SameFiguresWhateverThePartitionsTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final List<String> DISTRICTS = List.of("FARSTA", "BROMMA", "SKARPNACK");
  private static final List<String> ACTIVITIES = List.of("SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE");
  private static final List<String> TYPES = List.of("LOTS", "BEHANDLING", "STUDIER", "BOENDE");

  @Test
  void oneAndManyPartitionsGiveEveryCellAlike(SparkSession spark) {
    Fixtures f = fixture(spark, new Random(11));
    Map<CellKey, Cell> one = compute(spark, f, "1", d -> d.coalesce(1));
    Map<CellKey, Cell> many = compute(spark, f, "3", d -> d.repartition(3));

    assertThat(many.keySet()).isEqualTo(one.keySet());
    one.forEach(
        (key, cell) -> {
          Cell other = many.get(key);
          assertThat(Arrays.asList(other.value(), other.numerator(), other.denominator()))
              .as(key.toString())
              .isEqualTo(Arrays.asList(cell.value(), cell.numerator(), cell.denominator()));
        });
    // The hours are fractional (else the comparison could not tell a double sum from an exact one).
    assertThat(one.values())
        .anyMatch(
            c ->
                c.key().measure().equals("INSATS_TIMMAR_PER_INDIVID")
                    && c.numerator() != null
                    && c.numerator() != Math.floor(c.numerator()));
  }

  private static Map<CellKey, Cell> compute(
      SparkSession spark, Fixtures f, String partitions, UnaryOperator<Dataset<Row>> spread) {
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
    try {
      AggregatedTable table =
          new FollowUpStatistics(MODEL)
              .compute(
                  new FollowUpStatistics.Inputs(
                      spread.apply(f.episodes()),
                      spread.apply(f.assessments()),
                      spread.apply(f.interventions()),
                      spread.apply(f.relatives()),
                      spread.apply(f.resources()),
                      f.populationTable()),
                  new FollowUpStatistics.Settings(
                      List.of(ReportingPeriod.parse("2024")), 0, LocalDate.of(2024, 12, 31)));
      Map<CellKey, Cell> cells = new HashMap<>();
      table.cells().forEach(c -> cells.put(c.key(), c));
      return cells;
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
  }

  /** 90 episodes in 2023–2024 with ratings, several insatser each and the districts' resources. */
  private static Fixtures fixture(SparkSession spark, Random rnd) {
    Fixtures f = new Fixtures(spark, MODEL);
    for (int i = 0; i < 90; i++) {
      String district = DISTRICTS.get(i % DISTRICTS.size());
      String id = "E" + i;
      LocalDate start = LocalDate.of(2023, 6, 1).plusDays(rnd.nextInt(400));
      LocalDate end = rnd.nextBoolean() ? null : start.plusDays(30 + rnd.nextInt(300));
      String endText = end == null || end.getYear() > 2024 ? null : end.toString();
      f.episode(
          district,
          id,
          "P" + (i % 70),
          LocalDate.of(2002 + rnd.nextInt(6), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)).toString(),
          rnd.nextBoolean() ? "K" : "M",
          ACTIVITIES.get(rnd.nextInt(ACTIVITIES.size())),
          start.toString(),
          endText,
          endText == null ? null : "PLANERAT");
      f.rating(district, id, "INSKRIVNING", start.toString(), "SYSSELSATTNING", 1 + rnd.nextInt(4));
      f.rating(district, id, "INSKRIVNING", start.toString(), "KRIMINALITET", rnd.nextInt(4));
      String later = start.plusDays(20).toString();
      f.rating(district, id, "UPPFOLJNING", later, "SYSSELSATTNING", 1 + rnd.nextInt(4));
      f.rating(district, id, "UPPFOLJNING", later, "KRIMINALITET", rnd.nextInt(4));
      for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
        f.intervention(
            district,
            id,
            TYPES.get(rnd.nextInt(TYPES.size())),
            start.plusDays(k).toString(),
            null,
            (1 + rnd.nextInt(400)) / 10.0);
      }
    }
    for (String district : DISTRICTS) {
      for (String activity : ACTIVITIES) {
        for (int k = 0; k < 3; k++) {
          f.resource(
              district, 2024, activity, 100_000 + rnd.nextInt(1000) / 10.0, rnd.nextInt(30) / 10.0);
        }
      }
    }
    return f;
  }
}
