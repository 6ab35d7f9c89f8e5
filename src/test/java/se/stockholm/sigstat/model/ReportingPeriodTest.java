package se.stockholm.sigstat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods the data do not cover yet: cut at the as-of date and preliminary. */
class ReportingPeriodTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  @Test
  void aPeriodEndingAfterTheAsOfDateEndsOnItAndIsPreliminary() {
    ReportingPeriod year = ReportingPeriod.year(2026).cutAt(AS_OF);
    assertThat(year.code()).isEqualTo("2026");
    assertThat(year.start()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(year.end()).isEqualTo(AS_OF);
    assertThat(year.preliminary()).isTrue();
    assertThat(ReportingPeriod.quarter(2026, 4).cutAt(AS_OF).end()).isEqualTo(AS_OF);
  }

  @Test
  void aPeriodTheDataCoverIsComplete() {
    assertThat(ReportingPeriod.year(2025).cutAt(AS_OF)).isEqualTo(ReportingPeriod.year(2025));
    assertThat(ReportingPeriod.parse("2026-01-01..2026-11-24").cutAt(AS_OF).preliminary())
        .isFalse();
    assertThat(ReportingPeriod.year(2025).preliminary()).isFalse();
  }

  @Test
  void aPeriodNotStartedYetKeepsItsDatesAndIsPreliminary() {
    ReportingPeriod next = ReportingPeriod.year(2027).cutAt(AS_OF);
    assertThat(next.end()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(next.preliminary()).isTrue();
  }
}
