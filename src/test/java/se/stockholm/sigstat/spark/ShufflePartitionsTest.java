package se.stockholm.sigstat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shuffle partitions follow the input: one per core at city size, more as the data grow. */
class ShufflePartitionsTest {
  @Test
  void oneTaskPerCoreUntilTheDataAskForMore() {
    assertThat(ShufflePartitions.forRows(126_303, 2)).isEqualTo(2);
    assertThat(ShufflePartitions.forRows(4_180_964, 2)).isEqualTo(2);
    assertThat(ShufflePartitions.forRows(41_823_094, 2)).isEqualTo(11);
    assertThat(ShufflePartitions.forRows(41_823_094, 32)).isEqualTo(32);
    assertThat(ShufflePartitions.forRows(0, 0)).isEqualTo(1);
    assertThat(ShufflePartitions.forRows(Long.MAX_VALUE / 2, 2)).isEqualTo(200);
  }

  @Test
  void ingestSpreadsDeliveriesOverOnePartitionPer4MibUpToTwiceTheDeliveries() {
    long mib = 1L << 20;
    // The demo: 17 deliveries, 7 MiB of files, 2 cores.
    assertThat(ShufflePartitions.forDeliveries(17, 7 * mib, 2)).isEqualTo(2);
    assertThat(ShufflePartitions.forDeliveries(17, 12 * mib, 2)).isEqualTo(3);
    assertThat(ShufflePartitions.forDeliveries(17, 12 * mib + 1, 2)).isEqualTo(4);
    // 100 000 persons: 229 MiB would ask for 58, capped at twice the deliveries.
    assertThat(ShufflePartitions.forDeliveries(17, 229 * mib, 2)).isEqualTo(34);
    // A delivery's rows stay in one partition, however many cores there are.
    assertThat(ShufflePartitions.forDeliveries(1, 229 * mib, 8)).isEqualTo(2);
    assertThat(ShufflePartitions.forDeliveries(0, 0, 0)).isEqualTo(1);
  }
}
