package se.stockholm.sigstat.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.jobs.ReportJob;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.publish.StatistikFiles;
import se.stockholm.sigstat.testing.WorkbookContents;

/**
 * A run on 2026-11-24 with the report periods 2026-01-01..2026-11-24 and 2025: the trend lists
 * every year, and the running quarter and year are labelled preliminary on the sheet and in the
 * data; no Spark.
 */
class PreliminaryReportTest {
  private static String row(String period, String start, String end, String value, boolean prel) {
    return period
        + ","
        + start
        + ","
        + end
        + ",2026-11-24,AKTUELLA,,STHLM,ALLA,ALLA,ALLA,"
        + value
        + ",,,,,S,"
        + prel;
  }

  private static String period(String code, String start, String end, String kind, boolean prel) {
    return "{\"period\": \""
        + code
        + "\", \"start\": \""
        + start
        + "\", \"slut\": \""
        + end
        + "\", \"typ\": \""
        + kind
        + "\", \"rapportperiod\": "
        + (code.startsWith("2026-01") || code.equals("2025"))
        + ", \"preliminar\": "
        + prel
        + "}";
  }

  @Test
  void theTrendListsEveryYearAndMarksTheRunningQuarterAndYear(@TempDir Path run) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", StatistikFiles.COLUMNS));
    lines.add(row("2026-01-01..2026-11-24", "2026-01-01", "2026-11-24", "500", false));
    lines.add(row("2025", "2025-01-01", "2025-12-31", "540", false));
    lines.add(row("2025-K4", "2025-10-01", "2025-12-31", "300", false));
    lines.add(row("2026-K4", "2026-10-01", "2026-11-24", "280", true));
    lines.add(row("2024", "2024-01-01", "2024-12-31", "530", false));
    lines.add(row("2026", "2026-01-01", "2026-11-24", "500", true));
    Files.write(run.resolve("statistik.csv"), lines);
    Files.writeString(
        run.resolve("statistik.json"),
        "{\"k\": 5, \"indelning\": \"2026-11-24\", \"perioder\": ["
            + String.join(
                ", ",
                period("2026-01-01..2026-11-24", "2026-01-01", "2026-11-24", "DATES", false),
                period("2025", "2025-01-01", "2025-12-31", "YEAR", false),
                period("2025-K4", "2025-10-01", "2025-12-31", "QUARTER", false),
                period("2026-K4", "2026-10-01", "2026-11-24", "QUARTER", true),
                period("2024", "2024-01-01", "2024-12-31", "YEAR", false),
                period("2026", "2026-01-01", "2026-11-24", "YEAR", true))
            + "]}");

    new ReportJob(DataSchemaLoader.load(), java.time.Clock.systemUTC()).run(run);

    WorkbookContents wb =
        WorkbookContents.read(
            run.resolve("SIG_Stockholms_stad_2026-01-01_2026-11-24.xlsx"), 50_000);
    WorkbookContents.Sheet trend = wb.sheets.get("Trend");
    int header = trend.rowOf("Period", 0);
    List<String> periods = new ArrayList<>();
    for (int r = header + 1; r <= trend.lastRow; r++) {
      WorkbookContents.Value v = trend.at(r, 0);
      if (v != null && v.text().matches("\\d{4}.*")) {
        periods.add(v.text());
      }
    }
    assertThat(periods)
        .containsExactly("2025-K4", "2026-K4 (preliminär)", "2024", "2025", "2026 (preliminär)");
    int total = trend.colOf(header, "Aktuella individer, Totalt");
    assertThat(trend.at(trend.rowOf("2026-K4 (preliminär)", header), total).number())
        .isEqualTo(280.0);
    WorkbookContents.Sheet about = wb.sheets.get("Om rapporten");
    assertThat(about.cells.values()).anyMatch(v -> v.text().equals("Preliminärt"));
    WorkbookContents.Sheet data = wb.sheets.get("Data");
    int dataHeader = data.rowOf("period", 0);
    int prel = data.colOf(dataHeader, "preliminar");
    assertThat(data.at(data.rowOf("2026-K4", dataHeader), prel).text()).isEqualTo("Ja");
    assertThat(data.at(data.rowOf("2025-K4", dataHeader), prel).text()).isEqualTo("Nej");
    assertThat(data.at(data.rowOf("2026-K4", dataHeader), 1).text())
        .isEqualTo("2026-K4 (preliminär)");
  }
}
