package se.stockholm.sigstat.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.publish.StatistikFiles;
import se.stockholm.sigstat.testing.WorkbookContents;

/** What a report run does to the run folder beyond its workbooks; no Spark. */
class ReportJobTest {
  @Test
  void temporaryFilesLeftByAKilledReportAreRemovedByTheNextOne(@TempDir Path run) throws Exception {
    String head = "2025,2025-01-01,2025-12-31,2025-12-31,AKTUELLA,,";
    Files.write(
        run.resolve(StatistikFiles.CSV),
        List.of(
            String.join(",", StatistikFiles.COLUMNS),
            head + "FARSTA,ALLA,ALLA,ALLA,15,,,,,S",
            head + "STHLM,ALLA,ALLA,ALLA,15,,,,,S"));
    Files.writeString(
        run.resolve(StatistikFiles.META),
        "{\"k\": 5, \"indelning\": \"2025-12-31\", \"perioder\": [{\"period\": \"2025\", "
            + "\"start\": \"2025-01-01\", \"slut\": \"2025-12-31\", \"typ\": \"YEAR\", "
            + "\"rapportperiod\": true}]}");
    // What WorkbookWriter and ChartWriter leave when the process dies mid-write.
    Path workbookTmp = Files.writeString(run.resolve(".workbook4711.xlsx.tmp"), "half");
    Files.createDirectories(run.resolve("charts"));
    Path chartTmp = Files.writeString(run.resolve("charts/.chart4711.png.tmp"), "half");

    ReportJob.Result r =
        new ReportJob(DataSchemaLoader.load(), java.time.Clock.systemUTC()).run(run);

    assertThat(r.workbooks()).isNotEmpty();
    assertThat(workbookTmp).doesNotExist();
    assertThat(chartTmp).doesNotExist();
    try (Stream<Path> s = Files.walk(run)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aDeliveryRejectedForAnUnknownDistrictFolderIsListedAndDoesNotStopTheReport(@TempDir Path run)
      throws Exception {
    String head = "2025,2025-01-01,2025-12-31,2025-12-31,AKTUELLA,,";
    Files.write(
        run.resolve(StatistikFiles.CSV),
        List.of(
            String.join(",", StatistikFiles.COLUMNS),
            head + "FARSTA,ALLA,ALLA,ALLA,15,,,,,S",
            head + "STHLM,ALLA,ALLA,ALLA,15,,,,,S"));
    Files.writeString(
        run.resolve(StatistikFiles.META),
        "{\"k\": 5, \"indelning\": \"2025-12-31\", \"perioder\": [{\"period\": \"2025\", "
            + "\"start\": \"2025-01-01\", \"slut\": \"2025-12-31\", \"typ\": \"YEAR\", "
            + "\"rapportperiod\": true}]}");
    // As RunDeliveries writes it for leveranser/GAMLA_STAN/2025-12-01 (it crashed the report).
    Files.writeString(
        run.resolve("leveranser.json"),
        "[{\"district\": \"FARSTA\", \"deliveryDate\": \"2025-12-31\", \"status\": "
            + "\"PUBLICERAD\", \"read\": 20, \"accepted\": 20, \"rejected\": 0, \"reason\": null},"
            + " {\"district\": \"GAMLA_STAN\", \"deliveryDate\": \"2025-12-01\", \"status\": "
            + "\"AVVISAD\", \"read\": 0, \"accepted\": 0, \"rejected\": 0, \"reason\": "
            + "\"okänd stadsdelskod GAMLA_STAN\"}]");

    ReportJob.Result r =
        new ReportJob(DataSchemaLoader.load(), java.time.Clock.systemUTC()).run(run);

    assertThat(r.workbooks()).hasSize(13);
    WorkbookContents about =
        WorkbookContents.read(run.resolve("SIG_Stockholms_stad_2025.xlsx"), 10_000);
    assertThat(about.sheets.get("Om rapporten").cells.values())
        .anyMatch(v -> v.text().equals("GAMLA_STAN"))
        .anyMatch(v -> v.text().startsWith("okänd stadsdelskod GAMLA_STAN"));
  }
}
