package se.stockholm.sigstat.testing;

import se.stockholm.sigstat.ingest.Personnummer;

/** Valid synthetic personnummer for hand-made test deliveries. */
public final class TestPnr {
  private TestPnr() {}

  /** A 12-digit number with hyphen for birth date YYYYMMDD and serial NNN, with its check digit. */
  public static String of(String yyyymmdd, String serial) {
    String nine = yyyymmdd.substring(2) + serial;
    return yyyymmdd + "-" + serial + Personnummer.checkDigit(nine);
  }

  /** The same with a wrong check digit. */
  public static String withBadCheckDigit(String yyyymmdd, String serial) {
    String nine = yyyymmdd.substring(2) + serial;
    return yyyymmdd + "-" + serial + (Personnummer.checkDigit(nine) + 1) % 10;
  }
}
