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

/** Workbooks from a small hand-written statistik table with one suppressed cell; no Spark. */
class ReportJobTest {
  private static final String HEAD = "2025,2025-01-01,2025-12-31,2025-12-31,";

  /** A statistik row of 2025 in the city's 2025 structure. */
  private static String row(
      String measure, String district, String kon, String value, String status) {
    boolean empty = status.equals("P") || status.equals("M");
    return HEAD
        + measure
        + ",,"
        + district
        + ",ALLA,"
        + kon
        + ",ALLA,"
        + (empty ? "" : value)
        + ",,,,,"
        + status
        + ",false";
  }

  @Test
  void aSuppressedCellShowsDotsWithTheFootnoteAndTheChartSaysWhatItLeftOut(@TempDir Path run)
      throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", StatistikFiles.COLUMNS));
    // Farsta: women 3 (P), men 12 (M: the only other part), total 15; Bromma 20 + 30.
    lines.add(row("AKTUELLA", "FARSTA", "K", "3", "P"));
    lines.add(row("AKTUELLA", "FARSTA", "M", "12", "M"));
    lines.add(row("AKTUELLA", "FARSTA", "OVRIGT", "0", "Z"));
    lines.add(row("AKTUELLA", "FARSTA", "ALLA", "15", "S"));
    lines.add(row("AKTUELLA", "BROMMA", "K", "20", "S"));
    lines.add(row("AKTUELLA", "BROMMA", "M", "30", "S"));
    lines.add(row("AKTUELLA", "BROMMA", "OVRIGT", "0", "Z"));
    lines.add(row("AKTUELLA", "BROMMA", "ALLA", "50", "S"));
    lines.add(row("AKTUELLA", "STHLM", "ALLA", "65", "S"));
    Files.write(run.resolve("statistik.csv"), lines);
    Files.writeString(
        run.resolve("statistik.json"),
        "{\"k\": 5, \"indelning\": \"2025-12-31\","
            + " \"perioder\": [{\"period\": \"2025\", \"start\": \"2025-01-01\", \"slut\": "
            + "\"2025-12-31\", \"typ\": \"YEAR\", \"rapportperiod\": true}]}");

    ReportJob.Result result =
        new ReportJob(DataSchemaLoader.load(), java.time.Clock.systemUTC()).run(run);

    Path city = run.resolve("SIG_Stockholms_stad_2025.xlsx");
    assertThat(result.workbooks())
        .contains(
            city,
            run.resolve("SIG_Farsta_2025.xlsx"),
            run.resolve("SIG_Stadsdelsjamforelse_2025.xlsx"))
        .hasSize(13);
    WorkbookContents wb = WorkbookContents.read(city, 100_000);
    WorkbookContents.Sheet volume = wb.sheets.get("Volym");
    int block = volume.rowOf("Aktuella individer – Alla verksamheter", 0);
    int header = volume.rowOf("Stadsdel", block);
    int farsta = volume.rowOf("Farsta", header);
    int bromma = volume.rowOf("Bromma", header);
    int women = volume.colOf(header, "Kvinnor");
    int total = volume.colOf(header, "Totalt");
    assertThat(volume.at(farsta, women)).isEqualTo(new WorkbookContents.Value(false, ".."));
    assertThat(volume.at(farsta, women + 1)).isEqualTo(new WorkbookContents.Value(false, ".."));
    assertThat(volume.at(farsta, total).numeric()).isTrue();
    assertThat(volume.at(farsta, total).number()).isEqualTo(15.0);
    assertThat(volume.at(bromma, women).number()).isEqualTo(20.0);
    assertThat(volume.cells.values())
        .anyMatch(
            v ->
                v.text().equals(".. Uppgiften visas inte av sekretesskäl (färre än 5 individer)."));
    assertThat(volume.pictures).isEqualTo(1);
    // Farsta's total is published: its bar is as tall as the total, women and men "Ej redovisat".
    assertThat(volume.cells.values())
        .anyMatch(v -> v.text().startsWith("Ej redovisat: den del av stadsdelens antal"));
    Path chart = run.resolve("charts/SIG_Stockholms_stad_2025_participants-by-district.png");
    assertThat(javax.imageio.ImageIO.read(chart.toFile()).getWidth()).isGreaterThanOrEqualTo(800);
    WorkbookContents.Sheet data = wb.sheets.get("Data");
    // The nine cells Volym shows, under the notes that explain the columns.
    int dataHeader = data.rowOf("period", 0);
    assertThat(data.tableRefs).containsExactly("A" + (dataHeader + 1) + ":AA" + (dataHeader + 10));
    int farstaWomen = -1;
    for (int r = dataHeader + 1; r <= data.lastRow; r++) {
      if (data.at(r, data.colOf(dataHeader, "stadsdel")).text().equals("FARSTA")
          && data.at(r, data.colOf(dataHeader, "kon")).text().equals("K")) {
        farstaWomen = r;
      }
    }
    assertThat(data.at(farstaWomen, data.colOf(dataHeader, "varde")))
        .isEqualTo(new WorkbookContents.Value(false, ".."));
    assertThat(data.at(farstaWomen, data.colOf(dataHeader, "Status")).text())
        .isEqualTo("Visas inte: för få individer");
  }
}
