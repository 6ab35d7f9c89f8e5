package se.stockholm.sigstat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The column cache is left uncompressed (faster to build) only in a local run whose input is at
 * most an eighth of the heap; otherwise it stays compressed, as Spark's default.
 */
class ColumnCacheTest {
  private static final long GIB = 1L << 30;

  @Test
  void uncompressedOnlyForALocalRunWithRoomToSpare() {
    // 100 000 persons: 229 MiB of delivery files.
    long cityOf100k = 229L << 20;
    assertThat(ColumnCache.compress(cityOf100k, 6 * GIB, true)).isFalse();
    assertThat(ColumnCache.compress(cityOf100k, 2 * GIB, true)).isFalse();
    assertThat(ColumnCache.compress(cityOf100k, GIB, true)).isTrue();
    // 1 000 000 persons (2.3 GiB) in a 4 GiB heap.
    assertThat(ColumnCache.compress(2300L << 20, 4 * GIB, true)).isTrue();
    // The boundary: exactly an eighth is still uncompressed.
    assertThat(ColumnCache.compress(GIB / 8, GIB, true)).isFalse();
    assertThat(ColumnCache.compress(GIB / 8 + 1, GIB, true)).isTrue();
    // On a cluster the executors' memory is not the driver's heap.
    assertThat(ColumnCache.compress(1, 6 * GIB, false)).isTrue();
  }
}
