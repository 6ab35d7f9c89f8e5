package se.stockholm.sigstat.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.jobs.ReportJob;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.publish.DeliveryInfo;
import se.stockholm.sigstat.publish.RunDeliveries;
import se.stockholm.sigstat.publish.StatistikFiles;
import se.stockholm.sigstat.testing.WorkbookContents;

/**
 * Datakvalitet shows, per district of the reported structure, how many episodes the run ended
 * because their district ceased while they were open, from the run's leveranser.json only.
 */
class DataQualityReportTest {
  @Test
  void episodesLeftOpenByACeasedDistrictAreCountedUnderItsSuccessor(@TempDir Path run)
      throws Exception {
    Files.write(
        run.resolve("statistik.csv"),
        List.of(
            String.join(",", StatistikFiles.COLUMNS),
            "2025,2025-01-01,2025-12-31,2025-12-31,AKTUELLA,,STHLM,ALLA,ALLA,ALLA,40,,,,,S,false"));
    Files.writeString(
        run.resolve("statistik.json"),
        "{\"k\": 5, \"indelning\": \"2025-12-31\", \"perioder\": [{\"period\": \"2025\","
            + " \"start\": \"2025-01-01\", \"slut\": \"2025-12-31\", \"typ\": \"YEAR\","
            + " \"rapportperiod\": true}]}");
    RunDeliveries.write(
        run,
        List.of(
            new DeliveryInfo(
                "RINKEBY_KISTA", "2023-06-30", DeliveryStatus.PUBLICERAD, 10, 10, 0, null, 3),
            new DeliveryInfo(
                "SPANGA_TENSTA", "2023-06-30", DeliveryStatus.PUBLICERAD, 10, 10, 0, null, 2),
            new DeliveryInfo("JARVA", "2025-12-31", DeliveryStatus.PUBLICERAD, 10, 10, 0, null, 0),
            new DeliveryInfo("FARSTA", "2025-12-31", DeliveryStatus.PUBLICERAD, 10, 10, 0, null)));

    new ReportJob(DataSchemaLoader.load(), java.time.Clock.systemUTC()).run(run);

    WorkbookContents.Sheet quality =
        WorkbookContents.read(run.resolve("SIG_Stockholms_stad_2025.xlsx"), 10_000)
            .sheets
            .get("Datakvalitet");
    int header = quality.rowOf("Stadsdel", 0);
    int col = quality.colOf(header, "Öppna insatsperioder avslutade när stadsdelen upphörde");
    assertThat(col).isPositive();
    assertThat(quality.at(quality.rowOf("Järva", header), col).number()).isEqualTo(5.0);
    assertThat(quality.at(quality.rowOf("Farsta", header), col).number()).isZero();
    assertThat(quality.at(quality.rowOf("Stockholms stad", header), col).number()).isEqualTo(5.0);
    // The note wraps over rows so that it prints within the page: read it as one text.
    StringBuilder notes = new StringBuilder();
    quality.cells.values().forEach(v -> notes.append(v.text()).append(' '));
    assertThat(notes.toString()).contains("räknas som avslutade på stadsdelens sista dag");
  }

  @Test
  void leveranserJsonKeepsTheCountAndReadsOlderFilesAsZero(@TempDir Path run) throws Exception {
    DeliveryInfo ceased =
        new DeliveryInfo("ALVSJO", "2020-06-30", DeliveryStatus.PUBLICERAD, 5, 5, 0, null, 4);
    RunDeliveries.write(run, List.of(ceased));
    assertThat(RunDeliveries.read(run)).containsExactly(ceased);
    Files.writeString(
        run.resolve(RunDeliveries.FILE),
        "[{\"district\": \"FARSTA\", \"deliveryDate\": \"2025-12-31\", \"status\": \"PUBLICERAD\","
            + " \"read\": 1, \"accepted\": 1, \"rejected\": 0, \"reason\": null}]");
    assertThat(RunDeliveries.read(run).get(0).closedAtDissolution()).isZero();
  }
}
