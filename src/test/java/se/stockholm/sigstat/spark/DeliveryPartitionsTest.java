package se.stockholm.sigstat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.testing.SharedSpark;

/** Ingest's partition count shares the deliveries' work evenly between the cores. */
@ExtendWith(SharedSpark.class)
class DeliveryPartitionsTest {
  /** The file bytes of the 17 deliveries of a generated city of 100 000 persons. */
  private static final Map<String, Long> CITY = new LinkedHashMap<>();

  static {
    CITY.put("ALVSJO_2020-06-30", 180_518L);
    CITY.put("BROMMA_2026-11-24", 13_139_851L);
    CITY.put("ENSKEDE_ARSTA_VANTOR_2026-11-24", 26_325_561L);
    CITY.put("FARSTA_2026-11-24", 18_403_446L);
    CITY.put("HAGERSTEN_ALVSJO_2026-11-24", 18_260_571L);
    CITY.put("HAGERSTEN_LILJEHOLMEN_2020-06-30", 492_800L);
    CITY.put("HASSELBY_VALLINGBY_2026-11-24", 21_759_396L);
    CITY.put("JARVA_2026-11-24", 36_387_781L);
    CITY.put("KUNGSHOLMEN_2026-11-24", 8_272_671L);
    CITY.put("NORRA_INNERSTADEN_2026-11-24", 8_054_588L);
    CITY.put("NORRMALM_2023-06-30", 3_788_700L);
    CITY.put("OSTERMALM_2023-06-30", 2_533_367L);
    CITY.put("RINKEBY_KISTA_2023-06-30", 17_150_612L);
    CITY.put("SKARHOLMEN_2026-11-24", 22_158_376L);
    CITY.put("SKARPNACK_2026-11-24", 16_031_036L);
    CITY.put("SODERMALM_2026-11-24", 15_796_037L);
    CITY.put("SPANGA_TENSTA_2023-06-30", 10_973_505L);
  }

  @Test
  void predictsThePartitionSparkPutsADeliveryIn(SparkSession spark) {
    List<String> ids = List.copyOf(CITY.keySet());
    for (int n : new int[] {2, 17, 24, 34}) {
      List<Row> placed =
          spark
              .createDataset(ids, Encoders.STRING())
              .toDF("id")
              .repartition(n, col("id"))
              .select(col("id"), spark_partition_id())
              .collectAsList();
      assertThat(placed).hasSize(ids.size());
      for (Row r : placed) {
        assertThat(DeliveryPartitions.partitionOf(r.getString(0), n))
            .as("%s of %d partitions", r.getString(0), n)
            .isEqualTo(r.getInt(1));
      }
    }
  }

  @Test
  void aCityOnTwoCoresFinishesNearTheEvenShare() {
    long total = CITY.values().stream().mapToLong(Long::longValue).sum();
    long even = total / 2;
    int most = ShufflePartitions.forDeliveries(CITY.size(), total, 2);
    int chosen = DeliveryPartitions.choose(CITY, 2);

    assertThat(chosen).isBetween(CITY.size(), most);
    // Twice the deliveries spreads them badly here: the largest partitions come last.
    assertThat(DeliveryPartitions.finish(CITY, most, 2)).isGreaterThan(even * 110 / 100);
    assertThat(DeliveryPartitions.finish(CITY, chosen, 2)).isLessThan(even * 104 / 100);
  }

  @Test
  void fewDeliveriesOrLittleDataKeepOnePartitionPerCore() {
    // The demo: 17 deliveries, 7 MiB.
    Map<String, Long> demo = new LinkedHashMap<>();
    CITY.forEach((id, bytes) -> demo.put(id, bytes / 32));
    assertThat(DeliveryPartitions.choose(demo, 2)).isEqualTo(2);
    assertThat(DeliveryPartitions.choose(Map.of(), 2)).isEqualTo(1);
    // One delivery's rows stay in one partition, however many cores there are.
    assertThat(DeliveryPartitions.choose(Map.of("FARSTA_2025-03-31", 50_000_000L), 8)).isEqualTo(2);
  }
}
