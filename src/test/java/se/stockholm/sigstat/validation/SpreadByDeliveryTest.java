package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryInspector;
import se.stockholm.sigstat.ingest.RawRowReader;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.spark.ScopedSettings;
import se.stockholm.sigstat.testing.DeliveryBuilder;
import se.stockholm.sigstat.testing.SharedSpark;
import se.stockholm.sigstat.testing.TestPnr;

/**
 * The raw rows arrive spread by delivery as Spark's own hash partitioning would spread them, and
 * the validated Datasets say so: the duplicate check and the join to the episodes then run without
 * an exchange. If the rows lay elsewhere than declared, those checks would silently miss rows.
 */
@ExtendWith(SharedSpark.class)
class SpreadByDeliveryTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final List<String> DISTRICTS = List.of("FARSTA", "BROMMA", "JARVA", "SODERMALM");

  @Test
  void everyRowLiesInThePartitionSparksHashOfItsDeliveryGives(
      SparkSession spark, @TempDir Path root) throws IOException {
    List<DeliveryInspection> inspections = deliveries(root);
    // As ingest plans: otherwise Spark spreads both sides of the join again, by both its keys.
    try (ScopedSettings planning =
        new ScopedSettings(spark, Map.of(DeliveryValidation.CO_PARTITION_SETTING, "false"))) {
      checkPlacement(spark, inspections);
    }
  }

  private static void checkPlacement(SparkSession spark, List<DeliveryInspection> inspections) {
    for (int partitions : List.of(1, 2, 3, 5)) {
      ValidationResult result =
          new DeliveryValidation(MODEL)
              .validate(spark, RawRowReader.readAll(spark, inspections, partitions));
      for (String file : List.of("insatsperioder", "bedomningar")) {
        Dataset<Row> rows = result.validatedByFile().get(file);
        long misplaced =
            rows.filter(
                    spark_partition_id()
                        .notEqual(pmod(hash(col(SparkSchemas.DELIVERY_ID)), lit(partitions))))
                .count();
        assertThat(misplaced).as(file + " in " + partitions + " partitions").isZero();
        assertThat(rows.count()).as(file).isEqualTo(DISTRICTS.size() * 2L);
        assertThat(rows.filter(col(SparkSchemas.REJECT_REASON).isNotNull()).count())
            .as("every row refers to an episode of its own delivery")
            .isZero();
      }
    }
  }

  @Test
  void theDuplicateCheckAndTheJoinToTheEpisodesNeedNoExchange(
      SparkSession spark, @TempDir Path root) throws IOException {
    List<DeliveryInspection> inspections = deliveries(root);
    // As ingest plans its writes; no broadcast, so the join is the one a city-size run gets.
    Map<String, String> settings =
        Map.of(
            DeliveryValidation.CO_PARTITION_SETTING,
            "false",
            "spark.sql.autoBroadcastJoinThreshold",
            "-1");
    try (ScopedSettings planning = new ScopedSettings(spark, settings)) {
      ValidationResult result =
          new DeliveryValidation(MODEL)
              .validate(spark, RawRowReader.readAll(spark, inspections, 3));
      String plan =
          result.validatedByFile().get("bedomningar").queryExecution().executedPlan().toString();
      // The duplicate check runs within the tasks that validate: no window, no sort for it.
      assertThat(plan).contains("SortMergeJoin").doesNotContain("Exchange", "Window");
    }
  }

  /** One delivery per district, each with the same period ids, so only the delivery tells. */
  private static List<DeliveryInspection> deliveries(Path root) throws IOException {
    List<DeliveryInspection> inspections = new ArrayList<>();
    int n = 0;
    for (String district : DISTRICTS) {
      String a = TestPnr.of("2004010" + (++n), "111");
      String b = TestPnr.of("2003062" + n, "222");
      Path dir =
          DeliveryBuilder.minimal(root, district, "2025-03-31")
              .episode("P1;" + a + ";M;SIG_UNGA;2024-01-10;;;")
              .episode("P2;" + b + ";K;SIG_UNGA;2024-02-10;;;")
              .assessment("P1;INSKRIVNING;2024-01-11;BOENDE;2;")
              .assessment("P2;INSKRIVNING;2024-02-11;BOENDE;2;")
              .write();
      Delivery d = new Delivery(district, LocalDate.parse("2025-03-31"), dir);
      inspections.add(new DeliveryInspector(MODEL).inspect(d, null));
    }
    return inspections;
  }
}
