package se.stockholm.sigstat.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.publish.StatistikFiles;

/** The trend series in time order, whatever order the run's periods were listed in. */
class ReportDataTest {
  @Test
  void trendQuartersAndYearsComeInTimeOrder() {
    // As a run with report periods 2026 and 2025 lists them: 2026's look-back first.
    Map<String, ReportingPeriod> periods = new LinkedHashMap<>();
    for (ReportingPeriod p :
        List.of(
            ReportingPeriod.year(2026),
            ReportingPeriod.year(2025),
            ReportingPeriod.quarter(2025, 1),
            ReportingPeriod.quarter(2026, 1),
            ReportingPeriod.year(2024),
            ReportingPeriod.quarter(2024, 4),
            ReportingPeriod.year(2023))) {
      periods.put(p.code(), p);
    }
    ReportData d =
        new ReportData(
            new StatistikFiles.Published(
                List.of(), 5, LocalDate.of(2026, 12, 31), periods, List.of("2026", "2025"), null),
            DataSchemaLoader.load(),
            List.of(),
            Instant.EPOCH,
            "test");
    assertThat(d.trendPeriods())
        .extracting(ReportingPeriod::code)
        .containsExactly("2024-K4", "2025-K1", "2026-K1");
    // Every year, report periods included (a run on 2026-11-24 left out its report year 2025).
    assertThat(d.trendYears())
        .extracting(ReportingPeriod::code)
        .containsExactly("2023", "2024", "2025", "2026");
  }
}
