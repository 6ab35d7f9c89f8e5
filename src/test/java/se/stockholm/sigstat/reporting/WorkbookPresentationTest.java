package se.stockholm.sigstat.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.jobs.ReportJob;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.publish.StatistikFiles;
import se.stockholm.sigstat.testing.WorkbookContents;

/**
 * Issue 12, read back from the written workbooks: a hand-made protected table of a run on
 * 2026-11-24 (report periods 2026-01-01..2026-11-24 and 2025, a few trend quarters, the running one
 * preliminary) with the patterns of the demo: a district whose women are hidden under a published
 * total, a district whose total is hidden under published women and men, a district with nothing to
 * show by life domain. No Spark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookPresentationTest {
  private static final String NOW = "2026-01-01..2026-11-24";
  private static final String CITY_FILE = "SIG_Stockholms_stad_2026-01-01_2026-11-24.xlsx";

  @TempDir static Path run;

  private static String row(
      String period,
      String measure,
      String cat,
      String district,
      String activity,
      String kon,
      String value,
      String num,
      String den,
      String lo,
      String hi,
      String status) {
    String[] p = dates(period);
    boolean hidden = status.equals("P") || status.equals("M");
    return String.join(
        ",",
        period,
        p[0],
        p[1],
        "2026-11-24",
        measure,
        cat,
        district,
        activity,
        kon,
        "ALLA",
        hidden ? "" : value,
        hidden ? "" : num,
        hidden ? "" : den,
        hidden ? "" : lo,
        hidden ? "" : hi,
        status,
        Boolean.toString(period.equals("2026-K4")));
  }

  private static String count(
      String period, String measure, String district, String kon, String value, String status) {
    return row(period, measure, "", district, "ALLA", kon, value, "", "", "", "", status);
  }

  private static String[] dates(String period) {
    return switch (period) {
      case NOW -> new String[] {"2026-01-01", "2026-11-24"};
      case "2025" -> new String[] {"2025-01-01", "2025-12-31"};
      case "2023-K2" -> new String[] {"2023-04-01", "2023-06-30"};
      case "2023-K3" -> new String[] {"2023-07-01", "2023-09-30"};
      case "2026-K3" -> new String[] {"2026-07-01", "2026-09-30"};
      case "2026-K4" -> new String[] {"2026-10-01", "2026-11-24"};
      default -> throw new IllegalArgumentException(period);
    };
  }

  private static String period(String code, String kind, boolean report) {
    String[] p = dates(code);
    return "{\"period\": \""
        + code
        + "\", \"start\": \""
        + p[0]
        + "\", \"slut\": \""
        + p[1]
        + "\", \"typ\": \""
        + kind
        + "\", \"rapportperiod\": "
        + report
        + ", \"preliminar\": "
        + code.equals("2026-K4")
        + "}";
  }

  @BeforeAll
  void writeTheWorkbooks() throws Exception {
    List<String> l = new ArrayList<>();
    l.add(String.join(",", StatistikFiles.COLUMNS));
    // Kungsholmen: total and men published, women and Övrigt hidden (5 together).
    l.add(count(NOW, "AKTUELLA", "KUNGSHOLMEN", "K", "3", "P"));
    l.add(count(NOW, "AKTUELLA", "KUNGSHOLMEN", "M", "31", "S"));
    l.add(count(NOW, "AKTUELLA", "KUNGSHOLMEN", "OVRIGT", "2", "P"));
    l.add(count(NOW, "AKTUELLA", "KUNGSHOLMEN", "ALLA", "36", "S"));
    // Bromma: women and men published, the total hidden to protect Övrigt.
    l.add(count(NOW, "AKTUELLA", "BROMMA", "K", "7", "S"));
    l.add(count(NOW, "AKTUELLA", "BROMMA", "M", "33", "S"));
    l.add(count(NOW, "AKTUELLA", "BROMMA", "OVRIGT", "3", "P"));
    l.add(count(NOW, "AKTUELLA", "BROMMA", "ALLA", "43", "M"));
    l.add(count(NOW, "AKTUELLA", "STHLM", "K", "100", "S"));
    l.add(count(NOW, "AKTUELLA", "STHLM", "M", "300", "S"));
    l.add(count(NOW, "AKTUELLA", "STHLM", "OVRIGT", "10", "S"));
    l.add(count(NOW, "AKTUELLA", "STHLM", "ALLA", "410", "S"));
    l.add(count(NOW, "PAGAENDE_VID_SLUT", "STHLM", "ALLA", "300", "S"));
    l.add(count(NOW, "NYA", "STHLM", "K", "40", "S"));
    l.add(count(NOW, "NYA", "STHLM", "M", "120", "S"));
    l.add(
        row(
            NOW,
            "AKTUELLA_PER_10000",
            "",
            "STHLM",
            "ALLA",
            "K",
            "10",
            "100",
            "100000",
            "",
            "",
            "S"));
    l.add(
        row(
            NOW,
            "AKTUELLA_PER_10000",
            "",
            "STHLM",
            "ALLA",
            "M",
            "27.272727",
            "300",
            "110000",
            "",
            "",
            "S"));
    l.add(
        row(
            NOW,
            "FORBATTRAD_NAGOT_OMRADE",
            "ALLA",
            "STHLM",
            "ALLA",
            "K",
            "0.5",
            "50",
            "100",
            "0.4",
            "0.6",
            "S"));
    l.add(
        row(
            NOW,
            "FORBATTRAD_NAGOT_OMRADE",
            "ALLA",
            "STHLM",
            "ALLA",
            "M",
            "0.4",
            "120",
            "300",
            "0.346",
            "0.456",
            "S"));
    // Life domains: Bromma shows only Förbättrad in Boende; Kungsholmen nothing; the city all.
    l.add(
        row(
            NOW,
            "FORBATTRAD",
            "BOENDE",
            "BROMMA",
            "ALLA",
            "ALLA",
            "0.4",
            "8",
            "20",
            "0.22",
            "0.61",
            "S"));
    l.add(row(NOW, "OFORANDRAD", "BOENDE", "BROMMA", "ALLA", "ALLA", "", "", "", "", "", "M"));
    l.add(row(NOW, "FORSAMRAD", "BOENDE", "BROMMA", "ALLA", "ALLA", "", "", "", "", "", "M"));
    for (String o : List.of("FORBATTRAD", "OFORANDRAD", "FORSAMRAD")) {
      l.add(row(NOW, o, "BOENDE", "KUNGSHOLMEN", "ALLA", "ALLA", "", "", "", "", "", "M"));
    }
    l.add(
        row(
            NOW,
            "FORBATTRAD",
            "BOENDE",
            "STHLM",
            "ALLA",
            "ALLA",
            "0.5",
            "100",
            "200",
            "0.43",
            "0.57",
            "S"));
    l.add(
        row(
            NOW,
            "OFORANDRAD",
            "BOENDE",
            "STHLM",
            "ALLA",
            "ALLA",
            "0.3",
            "60",
            "200",
            "0.24",
            "0.37",
            "S"));
    l.add(
        row(
            NOW,
            "FORSAMRAD",
            "BOENDE",
            "STHLM",
            "ALLA",
            "ALLA",
            "0.2",
            "40",
            "200",
            "0.15",
            "0.26",
            "S"));
    l.add(
        row(
            NOW,
            "FORANDRING_MEDEL",
            "BOENDE",
            "STHLM",
            "ALLA",
            "ALLA",
            "0.1234",
            "",
            "200",
            "0.0512",
            "0.1956",
            "S"));
    // An empty cell (E) is never listed on the Data sheet.
    l.add(
        row(
            NOW,
            "FORANDRING_MEDEL",
            "VALDSUTSATTHET",
            "STHLM",
            "ALLA",
            "ALLA",
            "",
            "",
            "",
            "",
            "",
            "E"));
    // 2025: the previous year and the comparison's year.
    l.add(count("2025", "AKTUELLA", "BROMMA", "K", "6", "S"));
    l.add(count("2025", "AKTUELLA", "BROMMA", "M", "45", "S"));
    l.add(count("2025", "AKTUELLA", "BROMMA", "ALLA", "", "M"));
    l.add(count("2025", "AKTUELLA", "STHLM", "ALLA", "500", "S"));
    l.add(count("2025", "KOSTNAD_KR", "BROMMA", "ALLA", "9698939", "S"));
    l.add(count("2025", "KOSTNAD_KR", "STHLM", "ALLA", "162584887", "S"));
    l.add(count("2025", "KOSTNAD_PER_AKTUELL", "BROMMA", "ALLA", "", "M"));
    l.add(
        row(
            "2025",
            "KOSTNAD_PER_AKTUELL",
            "",
            "STHLM",
            "ALLA",
            "ALLA",
            "160340.125",
            "162584887",
            "1014",
            "",
            "",
            "S"));
    l.add(
        row(
            "2025",
            "KOSTNAD_PER_AKTUELL",
            "",
            "BROMMA",
            "SIG_UNGA",
            "ALLA",
            "550158",
            "",
            "",
            "",
            "",
            "S"));
    l.add(
        row(
            "2025",
            "KOSTNAD_PER_AKTUELL",
            "",
            "KUNGSHOLMEN",
            "SIG_UNGA",
            "ALLA",
            "135520",
            "",
            "",
            "",
            "",
            "S"));
    l.add(
        row(
            "2025",
            "KOSTNAD_PER_FORBATTRAD",
            "",
            "BROMMA",
            "ALLA",
            "ALLA",
            "484946.95",
            "9698939",
            "20",
            "",
            "",
            "S"));
    // The trend: the city by kön across the 2023 merger, and a preliminary running quarter.
    for (String q : List.of("2023-K2", "2023-K3", "2026-K3", "2026-K4")) {
      l.add(count(q, "AKTUELLA", "STHLM", "K", q.equals("2026-K4") ? "60" : "100", "S"));
      l.add(count(q, "AKTUELLA", "STHLM", "M", q.equals("2026-K4") ? "200" : "300", "S"));
      l.add(count(q, "AKTUELLA", "BROMMA", "ALLA", "40", "S"));
    }
    Files.write(run.resolve("statistik.csv"), l);
    Files.writeString(
        run.resolve("statistik.json"),
        "{\"k\": 5, \"indelning\": \"2026-11-24\", \"perioder\": ["
            + String.join(
                ", ",
                period(NOW, "DATES", true),
                period("2025", "YEAR", true),
                period("2023-K2", "QUARTER", false),
                period("2023-K3", "QUARTER", false),
                period("2026-K3", "QUARTER", false),
                period("2026-K4", "QUARTER", false))
            + "]}");
    new ReportJob(DataSchemaLoader.load(), java.time.Clock.systemUTC()).run(run);
  }

  private WorkbookContents read(String file) throws Exception {
    return WorkbookContents.read(run.resolve(file), 100_000);
  }

  private static boolean hasText(WorkbookContents.Sheet s, String start) {
    return s.cells.values().stream().anyMatch(v -> v.text().startsWith(start));
  }

  /** True when the sheet's texts, read in order as one (notes wrap over rows), contain part. */
  private static boolean containsText(WorkbookContents.Sheet s, String part) {
    StringBuilder all = new StringBuilder();
    s.cells.values().forEach(v -> all.append(v.text()).append(' '));
    return all.toString().contains(part);
  }

  @Test
  void theDistrictChartDrawsHiddenPartsAsEjRedovisatAndMarksHiddenTotals() throws Exception {
    WorkbookContents.Sheet summary = read(CITY_FILE).sheets.get("Sammanfattning");
    assertThat(hasText(summary, "Ej redovisat: den del av stadsdelens antal")).isTrue();
    assertThat(containsText(summary, "Totalen visas inte av sekretesskäl (..) i Bromma")).isTrue();
    // The note is whole: no "och 8 till".
    assertThat(containsText(summary, " till.")).isFalse();
  }

  @Test
  void theTrendMarksThePreliminaryQuarterAndTheMergerAndADistrictShowsItsTotal() throws Exception {
    WorkbookContents.Sheet trend = read(CITY_FILE).sheets.get("Trend");
    assertThat(hasText(trend, "Lodrät linje: ny stadsdelsindelning den 2023-07-01")).isTrue();
    assertThat(containsText(trend, "Streckad linje: preliminärt kvartal")).isTrue();
    WorkbookContents.Sheet bromma =
        read("SIG_Bromma_2026-01-01_2026-11-24.xlsx").sheets.get("Trend");
    assertThat(containsText(bromma, "här visas totalen")).isTrue();
    // Bromma was not formed by a merger: no break in its series.
    assertThat(containsText(bromma, "ny stadsdelsindelning")).isFalse();
  }

  @Test
  void aDistrictWithNothingByLifeDomainShowsTheNextLevelAndSaysSo() throws Exception {
    WorkbookContents.Sheet kungsholmen =
        read("SIG_Kungsholmen_2026-01-01_2026-11-24.xlsx").sheets.get("Sammanfattning");
    assertThat(containsText(kungsholmen, "kan inte visas för Kungsholmen")).isTrue();
    assertThat(containsText(kungsholmen, "visar staden som jämförelse")).isTrue();
    assertThat(kungsholmen.pictures).isEqualTo(2);
    WorkbookContents.Sheet bromma =
        read("SIG_Bromma_2026-01-01_2026-11-24.xlsx").sheets.get("Sammanfattning");
    assertThat(hasText(bromma, "Ej redovisat: de utfall i ett livsområde")).isTrue();
  }

  @Test
  void sammanfattningShowsCostPagaendeAnhorigaAndThePreviousYear() throws Exception {
    WorkbookContents.Sheet city = read(CITY_FILE).sheets.get("Sammanfattning");
    int header = city.rowOf("Mått", 0);
    assertThat(city.rowOf("Pågående vid periodens slut", header)).isPositive();
    assertThat(city.rowOf("Aktuella anhöriga", header)).isPositive();
    int aktuella = city.rowOf("Aktuella individer", header);
    assertThat(city.at(aktuella, city.colOf(header, "2025, totalt")).number()).isEqualTo(500.0);
    int cost =
        city.rowOf(
            "Verksamhet", city.rowOf("Kostnad och årsarbetare 2025 (ekonomisystemet, helår)", 0));
    assertThat(cost).isPositive();
    int sig = city.rowOf("SIG, alla tre verksamheter", cost);
    assertThat(city.at(sig, city.colOf(cost, "Kostnad, tkr")).number()).isEqualTo(162584887.0);
    assertThat(city.at(sig, city.colOf(cost, "Kostnad per aktuell, kr")).number())
        .isCloseTo(160340.125, within(1e-6));
    WorkbookContents.Sheet bromma =
        read("SIG_Bromma_2026-01-01_2026-11-24.xlsx").sheets.get("Sammanfattning");
    int bCost =
        bromma.rowOf(
            "Verksamhet", bromma.rowOf("Kostnad och årsarbetare 2025 (ekonomisystemet, helår)", 0));
    int bSig = bromma.rowOf("SIG, alla tre verksamheter", bCost);
    assertThat(bromma.at(bSig, bromma.colOf(bCost, "Kostnad, tkr")).number()).isEqualTo(9698939.0);
    assertThat(bromma.at(bSig, bromma.colOf(bCost, "Kostnad per aktuell, kr")).text())
        .isEqualTo("..");
    assertThat(bromma.at(bSig, bromma.colOf(bCost, "Staden: kostnad per aktuell, kr")).number())
        .isCloseTo(160340.125, within(1e-6));
    int bHeader = bromma.rowOf("Mått", 0);
    int bAkt = bromma.rowOf("Aktuella individer", bHeader);
    assertThat(bromma.at(bAkt, bromma.colOf(bHeader, "2025, kvinnor")).number()).isEqualTo(6.0);
  }

  @Test
  void theComparisonIsAboutOneYearInTkrWithNAndANoteOnPeopleWhoMoved() throws Exception {
    try (Stream<Path> files = Files.list(run)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("SIG_Stadsdelsjamforelse_2025.xlsx")
          .noneMatch(f -> f.startsWith("SIG_Stadsdelsjamforelse_2026"));
    }
    WorkbookContents wb = read("SIG_Stadsdelsjamforelse_2025.xlsx");
    WorkbookContents.Sheet s = wb.sheets.get("Stadsdelsjämförelse");
    assertThat(hasText(s, "Period 2025 (2025-01-01–2025-12-31)")).isTrue();
    assertThat(containsText(s, "2026-01-01")).as("one period, stated once").isFalse();
    int header = s.rowOf("Stadsdel", 0);
    List<String> headers = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      if (s.at(header, c) != null) {
        headers.add(s.at(header, c).text());
      }
    }
    assertThat(headers).contains("Kostnad, tkr", "Kostnad per förbättrad, kr", "n förbättrade");
    // Units are said once, not repeated in parentheses after the label.
    assertThat(headers)
        .noneMatch(
            h -> h.contains("(individer)") || h.contains("(kronor") || h.contains("(årsarb"));
    int bromma = s.rowOf("Bromma", header);
    assertThat(s.at(bromma, s.colOf(header, "Kostnad per förbättrad, kr")).number())
        .isCloseTo(484946.95, within(1e-6));
    assertThat(s.at(bromma, s.colOf(header, "n förbättrade")).number()).isEqualTo(20.0);
    assertThat(hasText(s, "Stadsdelarna summerar till mer än staden")).isTrue();
    // Districts alphabetical by Swedish name, the city last.
    List<String> rows = new ArrayList<>();
    for (int r = header + 1; s.at(r, 0) != null && !s.at(r, 0).text().startsWith("Kostnad"); r++) {
      rows.add(s.at(r, 0).text());
    }
    List<String> sorted = new ArrayList<>(rows.subList(0, rows.size() - 1));
    sorted.sort(Collator.getInstance(Locale.forLanguageTag("sv-SE")));
    assertThat(rows.subList(0, rows.size() - 1)).containsExactlyElementsOf(sorted);
    assertThat(rows.get(rows.size() - 1)).isEqualTo("Stockholms stad");
    assertThat(rows).hasSize(12);
    assertThat(hasText(s, "Kostnad per verksamhet")).isTrue();
    assertThat(s.pictures).isEqualTo(1);
  }

  @Test
  void theDataSheetListsWhatTheWorkbookShowsWithLabelsDatesAndTotals() throws Exception {
    WorkbookContents.Sheet data = read("SIG_Bromma_2026-01-01_2026-11-24.xlsx").sheets.get("Data");
    int header = data.rowOf("period", 0);
    assertThat(header).isPositive();
    assertThat(data.tableRefs).containsExactly("A" + (header + 1) + ":AA" + (data.lastRow + 1));
    int district = data.colOf(header, "stadsdel");
    int status = data.colOf(header, "status");
    int total = data.colOf(header, "Totalrad");
    int kon = data.colOf(header, "kon");
    int start = data.colOf(header, "period_start");
    List<String> districts = new ArrayList<>();
    boolean sawBrommaWomen = false;
    for (int r = header + 1; r <= data.lastRow; r++) {
      districts.add(data.at(r, district).text());
      assertThat(data.at(r, status).text()).isIn("S", "Z", "P", "M");
      assertThat(data.at(r, start).numeric()).as("dates are dates").isTrue();
      if (data.at(r, district).text().equals("BROMMA")
          && data.at(r, 0).text().equals(NOW)
          && data.at(r, data.colOf(header, "matt")).text().equals("AKTUELLA")) {
        String k = data.at(r, kon).text();
        assertThat(data.at(r, total).text()).isEqualTo(k.equals("ALLA") ? "Ja" : "Nej");
        assertThat(data.at(r, kon + 1).text())
            .isEqualTo(
                switch (k) {
                  case "K" -> "Kvinnor";
                  case "M" -> "Män";
                  case "OVRIGT" -> "Övrigt/uppgift saknas";
                  default -> "Totalt";
                });
        sawBrommaWomen |= k.equals("K");
      }
    }
    assertThat(sawBrommaWomen).isTrue();
    assertThat(districts).containsOnly("BROMMA", "STHLM");
    assertThat(hasText(data, "Status: S = publicerad")).isFalse();
    assertThat(containsText(data, "Status: S = publicerad, Z = publicerad nolla, P = visas inte"))
        .isTrue();
    WorkbookContents.Sheet city = read(CITY_FILE).sheets.get("Data");
    int ch = city.rowOf("period", 0);
    // The empty FORANDRING_MEDEL cell (E) of the table is not there.
    for (int r = ch + 1; r <= city.lastRow; r++) {
      assertThat(
              city.at(r, city.colOf(ch, "kategori")) == null
                  ? ""
                  : city.at(r, city.colOf(ch, "kategori")).text())
          .isNotEqualTo("VALDSUTSATTHET");
    }
  }

  @Test
  void numbersAreFormattedAsTheSpecAsksAndJamstalldhetComparesRates() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(run.resolve(CITY_FILE).toFile())) {
      DataFormatter fmt = new DataFormatter(Locale.forLanguageTag("sv-SE"));
      Sheet life = wb.getSheet("Livssituation");
      Cell mean = find(life, "Boende", "Genomsnittlig förändring");
      assertThat(mean.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
      Cell share = find(life, "Boende", "Förbättrad");
      assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0\\ %");
      assertThat(fmt.formatCellValue(share)).isEqualTo("50,0 %");
      assertThat(find(life, "Boende", "95 % KI, lägre").getCellStyle().getDataFormatString())
          .isEqualTo("0.0\\ %");
      assertThat(
              containsText(
                  read(CITY_FILE).sheets.get("Livssituation"),
                  "Skala 0/1 (ja/nej): Utsatt för våld eller hot"))
          .isTrue();
      Sheet gender = wb.getSheet("Jämställdhet");
      // Nya: 40 of 100 000 women, 120 of 110 000 men, per 10 000.
      assertThat(find(gender, "Nya individer", "Kvinnor per 10 000 inv.").getNumericCellValue())
          .isCloseTo(4.0, within(1e-9));
      assertThat(find(gender, "Nya individer", "Män per 10 000 inv.").getNumericCellValue())
          .isCloseTo(120.0 / 11, within(1e-9));
      assertThat(
              find(gender, "Nya individer", "Skillnad K − M per 10 000 inv.").getNumericCellValue())
          .isCloseTo(4.0 - 120.0 / 11, within(1e-9));
      // Its chart compares the same rates: the population behind them is listed on Data.
      assertThat(read(CITY_FILE).sheets.get("Jämställdhet").pictures).isEqualTo(1);
      assertThat(containsText(read(CITY_FILE).sheets.get("Data"), "AKTUELLA_PER_10000")).isTrue();
      Cell shareLow = find(gender, "Förbättrad i något livsområde", "KI lägre");
      assertThat(shareLow.getNumericCellValue()).isEqualTo(0.4);
      assertThat(find(gender, "Förbättrad i något livsområde", "n kvinnor").getNumericCellValue())
          .isEqualTo(100.0);
      // Print: A4, landscape, a chart on a page of its own, one table's header on every page.
      for (Sheet s : wb) {
        assertThat(s.getPrintSetup().getPaperSize()).as(s.getSheetName()).isEqualTo((short) 9);
        assertThat(s.getPrintSetup().getLandscape()).as(s.getSheetName()).isTrue();
      }
      assertThat(wb.getSheet("Sammanfattning").getRowBreaks()).hasSize(3);
      // The long Data table repeats its header; a header over the Trend chart would mislead.
      assertThat(wb.getSheet("Data").getRepeatingRows()).isNotNull();
      assertThat(wb.getSheet("Trend").getRepeatingRows()).isNull();
      // A period is written with an en dash; ".." means a hidden value and nothing else.
      for (Sheet s : wb) {
        if (s.getSheetName().equals("Data")) {
          continue;
        }
        for (Row r : s) {
          for (Cell c : r) {
            if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
              assertThat(c.getStringCellValue())
                  .as(s.getSheetName() + "!" + c.getAddress())
                  .doesNotContain("01..20");
            }
          }
        }
      }
    }
  }

  @Test
  void omRapportenNamesWhereHistoricalDeliveriesBelongAndDatakvalitetHasDomainsAsRows()
      throws Exception {
    WorkbookContents wb = read(CITY_FILE);
    assertThat(
            containsText(
                wb.sheets.get("Om rapporten"),
                "Rinkeby-Kista (t.o.m. 2023-06-30) och Spånga-Tensta (t.o.m. 2023-06-30)"
                    + " redovisas under Järva"))
        .isTrue();
    WorkbookContents.Sheet quality = wb.sheets.get("Datakvalitet");
    int header = quality.rowOf("Livsområde", 0);
    assertThat(header).isPositive();
    assertThat(quality.rowOf("Boende", header)).isPositive();
    assertThat(quality.rowOf("Utsatt för våld eller hot", header)).isPositive();
  }

  /**
   * The first cell with a value in a row labelled {@code row} under a header {@code column} (a
   * sheet may repeat a table per kön; the test's figures are in one of them).
   */
  private static Cell find(Sheet s, String row, String column) {
    for (Row h : s) {
      for (Cell c : h) {
        if (c.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING
            || !c.getStringCellValue().equals(column)) {
          continue;
        }
        for (int i = h.getRowNum() + 1; i <= s.getLastRowNum(); i++) {
          Row r = s.getRow(i);
          if (r == null || r.getCell(0) == null) {
            break;
          }
          Cell label = r.getCell(0);
          if (label.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
              && label.getStringCellValue().equals(row)) {
            Cell v = r.getCell(c.getColumnIndex());
            if (v != null && v.getCellType() != org.apache.poi.ss.usermodel.CellType.BLANK) {
              return v;
            }
          }
        }
      }
    }
    throw new AssertionError(row + " not found with a value under " + column);
  }
}
