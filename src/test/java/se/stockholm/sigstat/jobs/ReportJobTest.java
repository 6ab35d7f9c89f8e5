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

    ReportJob.Result r = new ReportJob(DataSchemaLoader.load()).run(run);

    assertThat(r.workbooks()).isNotEmpty();
    assertThat(workbookTmp).doesNotExist();
    assertThat(chartTmp).doesNotExist();
    try (Stream<Path> s = Files.walk(run)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
