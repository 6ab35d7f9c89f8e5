package se.stockholm.sigstat.validation;

import java.util.Arrays;
import java.util.List;
import se.stockholm.sigstat.ingest.RawRowReader;

/**
 * The key fingerprints that occur more than once in some files, from a first, light read of their
 * key columns: a row whose fingerprint is not among them has a key no other row of its delivery
 * has. Holds 8 bytes per row while it counts, and the repeated ones after.
 */
final class RepeatedKeys {
  private final long[] repeated;

  private RepeatedKeys(long[] repeated) {
    this.repeated = repeated;
  }

  /** The repeated fingerprints of the files' keys. */
  static RepeatedKeys in(List<RawRowReader.SourceFile> files, KeyFingerprint fingerprint) {
    Fingerprints seen = new Fingerprints();
    RawRowReader.scanColumns(
        files,
        fingerprint.columns(),
        (file, texts) ->
            seen.add(fingerprint.ofTexts(file.deliveryId(), file.deliveryDate(), texts)));
    return of(seen.values, seen.size);
  }

  /** The fingerprints of a read, as they come. */
  private static final class Fingerprints {
    private long[] values = new long[1024];
    private int size;

    void add(long fingerprint) {
      if (fingerprint == KeyFingerprint.NONE) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = fingerprint;
    }
  }

  /** The values among the first {@code size} of {@code fingerprints} that occur more than once. */
  static RepeatedKeys of(long[] fingerprints, int size) {
    Arrays.sort(fingerprints, 0, size);
    long[] repeated = new long[0];
    int n = 0;
    for (int i = 1; i < size; i++) {
      if (fingerprints[i] == fingerprints[i - 1]
          && (n == 0 || repeated[n - 1] != fingerprints[i])) {
        if (n == repeated.length) {
          repeated = Arrays.copyOf(repeated, Math.max(8, n * 2));
        }
        repeated[n++] = fingerprints[i];
      }
    }
    return new RepeatedKeys(Arrays.copyOf(repeated, n));
  }

  boolean isEmpty() {
    return repeated.length == 0;
  }

  boolean contains(long fingerprint) {
    return Arrays.binarySearch(repeated, fingerprint) >= 0;
  }
}
