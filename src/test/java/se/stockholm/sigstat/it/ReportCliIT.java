package se.stockholm.sigstat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.testing.Cli;
import se.stockholm.sigstat.testing.WorkbookContents;

/**
 * The real CLI's demo (generate, then the nightly job: ingest, aggregate, report), and report once
 * more by hand, both run in this JVM (Cli.inProcess); every workbook opened with POI and checked
 * against the statistik table it was made from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCliIT {
  private static final List<String> SHEETS =
      List.of(
          "Om rapporten",
          "Sammanfattning",
          "Volym",
          "Livssituation",
          "Insatser",
          "Avslut",
          "Anhörigstöd",
          "Jämställdhet",
          "Trend",
          "Datakvalitet",
          "Data");
  private static final List<String> GENDERS = List.of("K", "M", "OVRIGT", "ALLA");
  private static final List<String> GENDER_LABELS =
      List.of("Kvinnor", "Män", "Övrigt/uppgift saknas", "Totalt");

  @TempDir static Path dir;
  Path run;
  Cli.Run demo;
  Cli.Run report;
  final Map<String, String[]> statistik = new HashMap<>();
  int statistikRows;
  String reportPeriod;
  String yearPeriod;

  @BeforeAll
  void runDemoAndReport() throws Exception {
    demo =
        Cli.inProcess(
            "demo", "--dir", dir.resolve("demo").toString(), "--persons", "1500", "--seed", "3");
    assertThat(demo.exitCode()).as(demo.stdout() + demo.stderr()).isZero();
    run = dir.resolve("demo/ut/senaste").toRealPath();
    report = Cli.inProcess("report", "--run", run.toString());
    assertThat(report.exitCode()).as(report.stdout() + report.stderr()).isZero();
    List<String> lines = Files.readAllLines(run.resolve("statistik.csv"));
    statistikRows = lines.size() - 1;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      statistik.put(String.join("|", f[0], f[4], f[5], f[6], f[7], f[8], f[9]), f);
    }
    reportPeriod = lines.get(1).split(",")[0];
    yearPeriod =
        lines.stream()
            .skip(1)
            .map(l -> l.split(",")[0])
            .filter(p -> p.matches("\\d{4}"))
            .findFirst()
            .orElseThrow();
  }

  /** What a workbook cell must show for a statistik row: "..", a number, or nothing. */
  private static void assertShows(WorkbookContents.Value cell, String[] row, String where) {
    String status = row[15];
    if (status.equals("P") || status.equals("M")) {
      assertThat(cell).as(where).isEqualTo(new WorkbookContents.Value(false, ".."));
    } else if (row[10].isEmpty()) {
      assertThat(cell).as(where).isNull();
    } else {
      assertThat(cell).as(where).isNotNull();
      assertThat(cell.numeric()).as(where + " stored as a number").isTrue();
      assertThat(cell.number())
          .as(where)
          .isCloseTo(Double.parseDouble(row[10]), org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  private String[] row(
      String period,
      String measure,
      String cat,
      String district,
      String activity,
      String gender,
      String age) {
    String[] r =
        statistik.get(String.join("|", period, measure, cat, district, activity, gender, age));
    assertThat(r).as(measure + " " + district + " " + gender).isNotNull();
    return r;
  }

  @Test
  void theDemoEndsWithTheCityWorkbookAndWritesThirteenWorkbooks() throws Exception {
    String last = demo.stdout().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).startsWith("Stadens rapport: ").endsWith(".xlsx");
    assertThat(Files.exists(Path.of(last.substring("Stadens rapport: ".length())))).isTrue();
    try (Stream<Path> files = Files.list(run)) {
      assertThat(files.filter(p -> p.toString().endsWith(".xlsx")).count()).isEqualTo(13);
    }
    assertThat(report.stdout()).contains("13 arbetsböcker skrivna");
  }

  @Test
  void theCityWorkbookShowsTheStatistikTable() throws Exception {
    Path city = run.resolve("SIG_Stockholms_stad_" + reportPeriod.replace("..", "_") + ".xlsx");
    WorkbookContents wb = WorkbookContents.read(city, 400_000);
    assertThat(wb.sheets.keySet()).containsExactlyElementsOf(SHEETS);
    WorkbookContents.Sheet volume = wb.sheets.get("Volym");
    int block = volume.rowOf("Aktuella individer – Alla verksamheter", 0);
    int header = volume.rowOf("Stadsdel", block);
    List<String[]> districts =
        List.of(
            new String[] {"Farsta", "FARSTA"},
            new String[] {"Järva", "JARVA"},
            new String[] {"Stockholms stad", "STHLM"},
            new String[] {"Norra innerstaden", "NORRA_INNERSTADEN"});
    for (String[] d : districts) {
      int r = volume.rowOf(d[0], header);
      for (int g = 0; g < 4; g++) {
        int c = volume.colOf(header, GENDER_LABELS.get(g));
        assertShows(
            volume.at(r, c),
            row(reportPeriod, "AKTUELLA", "", d[1], "ALLA", GENDERS.get(g), "ALLA"),
            "Volym " + d[0] + " " + GENDERS.get(g));
      }
    }
    WorkbookContents.Sheet summary = wb.sheets.get("Sammanfattning");
    int sh = summary.rowOf("Mått", 0);
    int r = summary.rowOf("Aktuella individer", sh);
    for (int g = 0; g < 4; g++) {
      assertShows(
          summary.at(r, g + 1),
          row(reportPeriod, "AKTUELLA", "", "STHLM", "ALLA", GENDERS.get(g), "ALLA"),
          "Sammanfattning " + GENDERS.get(g));
    }
    // Data: only the cells the workbook shows, never an empty E cell; the rest is in statistik.
    WorkbookContents.Sheet data = wb.sheets.get("Data");
    int dataHeader = data.rowOf("period", 0);
    assertThat(data.tableRefs).containsExactly("A" + (dataHeader + 1) + ":AA" + (data.lastRow + 1));
    int rows = data.lastRow - dataHeader;
    assertThat(rows).isPositive().isLessThan(statistikRows);
    int status = data.colOf(dataHeader, "status");
    for (int i = dataHeader + 1; i <= data.lastRow; i++) {
      assertThat(data.at(i, status).text()).isIn("S", "Z", "P", "M");
    }
    assertThat(Files.size(city)).as("city workbook under 3 MB").isLessThan(3_000_000);
  }

  @Test
  void aDistrictWorkbookShowsTheDistrictWithTheCityBesideIt() throws Exception {
    Path farsta = run.resolve("SIG_Farsta_" + reportPeriod.replace("..", "_") + ".xlsx");
    WorkbookContents wb = WorkbookContents.read(farsta, 400_000);
    assertThat(wb.sheets.keySet()).containsExactlyElementsOf(SHEETS);
    assertThat(Files.size(farsta)).as("district workbook under 1 MB").isLessThan(1_000_000);
    WorkbookContents.Sheet data = wb.sheets.get("Data");
    int dataHeader = data.rowOf("period", 0);
    int district = data.colOf(dataHeader, "stadsdel");
    for (int i = dataHeader + 1; i <= data.lastRow; i++) {
      assertThat(data.at(i, district).text()).isIn("FARSTA", "STHLM");
    }
    WorkbookContents.Sheet volume = wb.sheets.get("Volym");
    // The district's table by kön: measures as rows (tables.yaml publishes stadsdel × kön).
    int header = volume.rowOf("Mått", 0);
    int all = volume.rowOf("Aktuella individer", header);
    for (int g = 0; g < 4; g++) {
      assertShows(
          volume.at(all, g + 1),
          row(reportPeriod, "AKTUELLA", "", "FARSTA", "ALLA", GENDERS.get(g), "ALLA"),
          "Farsta " + GENDERS.get(g));
    }
    assertShows(
        volume.at(all, volume.colOf(header, "Staden, totalt")),
        row(reportPeriod, "AKTUELLA", "", "STHLM", "ALLA", "ALLA", "ALLA"),
        "Staden");
  }

  @Test
  void theComparisonWorkbookHasTheDistrictsSideBySide() throws Exception {
    // The comparison is about the year with cost figures, and its file name says so.
    Path cmp = run.resolve("SIG_Stadsdelsjamforelse_" + yearPeriod + ".xlsx");
    WorkbookContents wb = WorkbookContents.read(cmp, 400_000);
    assertThat(wb.sheets.keySet()).containsExactly("Om rapporten", "Stadsdelsjämförelse");
    WorkbookContents.Sheet s = wb.sheets.get("Stadsdelsjämförelse");
    // Table 1: cost and årsarbetare; table 2: aktuella and results; table 3: per verksamhet.
    int cost = s.rowOf("Stadsdel", 0);
    int volume = s.rowOf("Stadsdel", cost + 1);
    int activity = s.rowOf("Stadsdel", volume + 1);
    for (String[] d :
        List.of(
            new String[] {"Farsta", "FARSTA"},
            new String[] {"Bromma", "BROMMA"},
            new String[] {"Stockholms stad", "STHLM"})) {
      int r = s.rowOf(d[0], volume);
      assertShows(
          s.at(r, s.colOf(volume, "Aktuella, totalt")),
          row(yearPeriod, "AKTUELLA", "", d[1], "ALLA", "ALLA", "ALLA"),
          "jämförelse " + d[0]);
      assertShows(
          s.at(r, s.colOf(volume, "Aktuella, kvinnor")),
          row(yearPeriod, "AKTUELLA", "", d[1], "ALLA", "K", "ALLA"),
          "kvinnor " + d[0]);
      r = s.rowOf(d[0], cost);
      assertShows(
          s.at(r, s.colOf(cost, "Kostnad per aktuell, kr")),
          row(yearPeriod, "KOSTNAD_PER_AKTUELL", "", d[1], "ALLA", "ALLA", "ALLA"),
          "kostnad " + d[0]);
      r = s.rowOf(d[0], activity);
      assertShows(
          s.at(r, s.colOf(activity, "SIG unga vuxna (18–29 år): kr per aktuell")),
          row(yearPeriod, "KOSTNAD_PER_AKTUELL", "", d[1], "SIG_UNGA_VUXNA", "ALLA", "ALLA"),
          "kostnad SIG unga vuxna " + d[0]);
    }
    assertThat(s.pictures).isEqualTo(1);
  }

  @Test
  void noNumberIsStoredAsTextAndEveryChartIsWideAndEmbedded() throws Exception {
    try (Stream<Path> files = Files.list(run)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList()) {
        WorkbookContents wb = WorkbookContents.read(f, 300_000);
        int pictures = 0;
        for (var e : wb.sheets.entrySet()) {
          pictures += e.getValue().pictures;
          if (e.getKey().equals("Data")) {
            continue;
          }
          e.getValue()
              .cells
              .forEach(
                  (ref, v) -> {
                    if (!ref.startsWith("A") && !v.numeric()) {
                      assertThat(v.text())
                          .as(f.getFileName() + " " + e.getKey() + "!" + ref)
                          .doesNotMatch("-?[0-9]+([.,][0-9]+)?");
                    }
                  });
        }
        String stem = f.getFileName().toString().replace(".xlsx", "");
        try (Stream<Path> charts = Files.list(run.resolve("charts"))) {
          List<Path> mine =
              charts.filter(p -> p.getFileName().toString().startsWith(stem + "_")).toList();
          assertThat(mine).as(stem).isNotEmpty();
          for (Path png : mine) {
            assertThat(ImageIO.read(png.toFile()).getWidth())
                .as(png.toString())
                .isGreaterThanOrEqualTo(800);
          }
          assertThat(pictures).as(stem + " embeds its charts").isGreaterThanOrEqualTo(mine.size());
        }
      }
    }
  }
}
