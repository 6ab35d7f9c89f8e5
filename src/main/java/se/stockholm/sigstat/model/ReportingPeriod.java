package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period [start, end] (both inclusive): a year, half-year, quarter or explicit dates; preliminary
 * when the data do not cover it all (see {@link #cutAt}).
 */
public record ReportingPeriod(
    String code, LocalDate start, LocalDate end, Kind kind, boolean preliminary)
    implements Serializable {

  /** What sort of period it is; resources are reported for years only. */
  public enum Kind {
    YEAR,
    HALF_YEAR,
    QUARTER,
    DATES
  }

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-K([1-4])");
  private static final Pattern DATES =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

  public ReportingPeriod {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("Period " + code + " ends before it starts");
    }
  }

  /** A complete period. */
  public ReportingPeriod(String code, LocalDate start, LocalDate end, Kind kind) {
    this(code, start, end, kind, false);
  }

  /**
   * This period as far as data of {@code asOf} (the latest delivery date) can show it: a period
   * ending after that date ends on it instead and is preliminary, under the same code; one that
   * starts after it has no data yet and is preliminary as it is. Null {@code asOf}: unchanged.
   */
  public ReportingPeriod cutAt(LocalDate asOf) {
    if (asOf == null || !end.isAfter(asOf)) {
      return this;
    }
    return new ReportingPeriod(code, start, start.isAfter(asOf) ? end : asOf, kind, true);
  }

  /** Parses {@code 2025}, {@code 2025-H1}, {@code 2025-K3} or {@code 2025-01-01..2025-06-30}. */
  public static ReportingPeriod parse(String text) {
    String t = text.trim();
    Matcher m;
    try {
      if ((m = YEAR.matcher(t)).matches()) {
        return year(Integer.parseInt(m.group(1)));
      }
      if ((m = HALF.matcher(t)).matches()) {
        int y = Integer.parseInt(m.group(1));
        boolean first = m.group(2).equals("1");
        return new ReportingPeriod(
            t,
            LocalDate.of(y, first ? 1 : 7, 1),
            first ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31),
            Kind.HALF_YEAR);
      }
      if ((m = QUARTER.matcher(t)).matches()) {
        return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      if ((m = DATES.matcher(t)).matches()) {
        return new ReportingPeriod(
            t, LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)), Kind.DATES);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Ogiltig period " + text + ": " + e.getMessage());
    }
    throw new IllegalArgumentException(
        "Ogiltig period "
            + text
            + " (ange t.ex. 2025, 2025-H1, 2025-K3 eller 2025-01-01..2025-06-30)");
  }

  public static ReportingPeriod year(int y) {
    return new ReportingPeriod(
        Integer.toString(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Kind.YEAR);
  }

  public static ReportingPeriod quarter(int y, int q) {
    LocalDate start = LocalDate.of(y, 3 * (q - 1) + 1, 1);
    return new ReportingPeriod(y + "-K" + q, start, start.plusMonths(3).minusDays(1), Kind.QUARTER);
  }

  /**
   * The trend series: every quarter and every year from {@code lookBackYears} years before this
   * period's end year up to the quarter and year that contain its end.
   */
  public List<ReportingPeriod> trend(int lookBackYears) {
    List<ReportingPeriod> periods = new ArrayList<>();
    int lastYear = end.getYear();
    int lastQuarter = (end.getMonthValue() - 1) / 3 + 1;
    for (int y = lastYear - lookBackYears; y <= lastYear; y++) {
      for (int q = 1; q <= 4 && (y < lastYear || q <= lastQuarter); q++) {
        periods.add(quarter(y, q));
      }
    }
    for (int y = lastYear - lookBackYears; y <= lastYear; y++) {
      periods.add(year(y));
    }
    return periods;
  }
}
