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
}
