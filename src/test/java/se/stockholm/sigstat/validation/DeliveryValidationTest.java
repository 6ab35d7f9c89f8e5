package se.stockholm.sigstat.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryInspector;
import se.stockholm.sigstat.ingest.Excerpt;
import se.stockholm.sigstat.ingest.RawRowReader;
import se.stockholm.sigstat.ingest.TextEncoding;
import se.stockholm.sigstat.jobs.ValidateJob;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.testing.DeliveryBuilder;
import se.stockholm.sigstat.testing.SharedSpark;
import se.stockholm.sigstat.testing.TestPnr;

/** Rules across rows and file-level faults, on small hand-made deliveries. */
@ExtendWith(SharedSpark.class)
class DeliveryValidationTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final String A = TestPnr.of("20040105", "111");
  private static final String B = TestPnr.of("20030620", "222");
  private static final String C = TestPnr.of("19990911", "333");

  private static ValidateJob.Report validate(SparkSession spark, Path dir) throws IOException {
    return new ValidateJob(MODEL, java.time.Clock.systemDefaultZone()).run(spark, dir, null, null);
  }

  private static Map<Long, String> reasonsByLine(ValidateJob.Report r, String file) {
    return r.rejectedRows().stream()
        .filter(e -> e.fil().equals(file))
        .collect(Collectors.toMap(RejectedRowsLedger.Entry::rad, RejectedRowsLedger.Entry::orsak));
  }

  @Test
  void duplicateKeysRejectBothRowsAndTheirDependants(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path dir =
        DeliveryBuilder.minimal(root, "FARSTA", "2025-03-31")
            .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
            .episode("P2;" + B + ";K;SIG_UNGA;2024-02-10;;;")
            .episode("P1;" + C + ";M;SIG_UNGA;2024-03-10;;;")
            .assessment("P1;INSKRIVNING;2024-03-11;BOENDE;2;")
            .assessment("P2;INSKRIVNING;2024-02-11;BOENDE;2;")
            .write();
    ValidateJob.Report r = validate(spark, dir);
    assertThat(reasonsByLine(r, "insatsperioder.csv"))
        .containsOnly(
            Map.entry(
                2L, "dubblett: period_id P1 förekommer 2 gånger i insatsperioder.csv (rad 2, 4)"),
            Map.entry(
                4L, "dubblett: period_id P1 förekommer 2 gånger i insatsperioder.csv (rad 2, 4)"));
    assertThat(reasonsByLine(r, "bedomningar.csv"))
        .containsOnly(
            Map.entry(
                2L, "hör till insatsperioden P1 som är avvisad (rad 2 i insatsperioder.csv)"));
    assertThat(r.counts())
        .extracting(FileCounts::file, FileCounts::read, FileCounts::accepted, FileCounts::rejected)
        .containsExactlyInAnyOrder(
            tuple("insatsperioder.csv", 3L, 1L, 2L), tuple("bedomningar.csv", 2L, 1L, 1L));
  }

  @Test
  void assessmentsMustReferToAnEpisodeAndLieWithinIt(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path dir =
        DeliveryBuilder.minimal(root, "FARSTA", "2025-03-31")
            .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;2024-06-30;PLANERAT;")
            .assessment("P1;INSKRIVNING;2024-01-12;BOENDE;2;")
            .assessment("P9;INSKRIVNING;2024-01-12;BOENDE;2;")
            .assessment("P1;UPPFOLJNING;2024-01-05;BOENDE;3;")
            .assessment("P1;UPPFOLJNING;2024-07-05;BOENDE;3;")
            .assessment("P1;EFTER_AVSLUT;2024-06-30;BOENDE;3;")
            .assessment("P1;EFTER_AVSLUT;2024-12-30;BOENDE;4;")
            .write();
    ValidateJob.Report r = validate(spark, dir);
    assertThat(reasonsByLine(r, "bedomningar.csv"))
        .containsOnly(
            Map.entry(3L, "period_id P9 finns inte i insatsperioder.csv"),
            Map.entry(
                4L, "datum 2024-01-05 ligger före insatsperiodens inskrivningsdatum 2024-01-10"),
            Map.entry(5L, "datum 2024-07-05 ligger efter insatsperiodens avslutsdatum 2024-06-30"),
            Map.entry(
                6L, "datum 2024-06-30 för EFTER_AVSLUT ligger inte efter avslutsdatum 2024-06-30"));
    assertThat(r.counts())
        .filteredOn(c -> c.file().equals("bedomningar.csv"))
        .extracting(FileCounts::accepted)
        .containsExactly(2L);
  }

  @Test
  void malformedLinesAreRejectedWithTheirLineNumber(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path dir =
        DeliveryBuilder.minimal(root, "FARSTA", "2025-03-31")
            .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
            .episode("")
            .episode("P2;" + B + ";K;SIG_UNGA;2024-02-10;;")
            .episode("P3;" + C + ";M;SIG_UNGA;2024-02-10;;;;extra")
            .episode("P4;\"" + C + ";M;SIG_UNGA;2024-02-10;;;")
            .write();
    ValidateJob.Report r = validate(spark, dir);
    assertThat(reasonsByLine(r, "insatsperioder.csv"))
        .containsOnly(
            Map.entry(4L, "raden har 7 fält men rubrikraden har 8"),
            Map.entry(5L, "raden har 9 fält men rubrikraden har 8"),
            Map.entry(
                6L,
                "ett citattecken avslutas inte på raden (radbrytning inom ett fält stöds inte)"));
    assertThat(r.counts())
        .filteredOn(c -> c.file().equals("insatsperioder.csv"))
        .extracting(FileCounts::read, FileCounts::accepted)
        .containsExactly(tuple(4L, 1L));
  }

  @Test
  void fileLevelFaultsRejectTheDelivery(SparkSession spark, @TempDir Path root) throws IOException {
    Path noAssessments =
        DeliveryBuilder.minimal(root, "FARSTA", "2025-03-31").without("bedomningar.csv").write();
    assertThat(validate(spark, noAssessments).fileFaults())
        .extracting(DeliveryInspection.FileFault::reason)
        .containsExactly("den obligatoriska filen bedomningar.csv saknas");

    Path noColumn =
        new DeliveryBuilder(root, "BROMMA", "2025-03-31")
            .file("insatsperioder.csv", "period_id;personnummer;kon;inskrivningsdatum;extra_kolumn")
            .file("bedomningar.csv", DeliveryBuilder.ASSESSMENT_HEADER)
            .write();
    ValidateJob.Report r = validate(spark, noColumn);
    assertThat(r.fileFaults())
        .extracting(DeliveryInspection.FileFault::reason)
        .containsExactly("den obligatoriska kolumnen verksamhet saknas i insatsperioder.csv");
    assertThat(r.warnings())
        .containsExactly("okänd kolumn extra_kolumn i insatsperioder.csv ignoreras");

    Path unknownDistrict = DeliveryBuilder.minimal(root, "GAMLA_STAN", "2025-03-31").write();
    assertThat(validate(spark, unknownDistrict).fileFaults())
        .extracting(DeliveryInspection.FileFault::reason)
        .containsExactly("okänd stadsdelskod GAMLA_STAN");
  }

  @Test
  void windows1252WithCommasReadsTheSameAsUtf8WithSemicolons(SparkSession spark, @TempDir Path root)
      throws IOException {
    DeliveryBuilder utf8 = DeliveryBuilder.minimal(root.resolve("a"), "FARSTA", "2025-03-31");
    DeliveryBuilder legacy =
        DeliveryBuilder.minimal(root.resolve("b"), "FARSTA", "2025-03-31")
            .as(TextEncoding.WINDOWS_1252, ",");
    for (DeliveryBuilder b : List.of(utf8, legacy)) {
      b.episode("Söder-1;" + A + ";K;SIG_UNGA;20240110;2024-05-01;PLANERAT;SKOLA")
          .episode("Åby-2;" + B + ";m;AVHOPPARE;2024-02-10;;;")
          .assessment("Söder-1;INSKRIVNING;2024-01-12;BOENDE;2;KLIENT")
          .assessment("Åby-2;INSKRIVNING;2024-02-12;MISSBRUK;;");
    }
    Path a = utf8.write();
    Path b = legacy.write();
    assertThat(TextEncoding.detect(b.resolve("insatsperioder.csv")).charset())
        .isEqualTo(TextEncoding.WINDOWS_1252);
    for (String file : List.of("insatsperioder", "bedomningar")) {
      List<Row> fromUtf8 = validatedRows(spark, a, file);
      List<Row> fromLegacy = validatedRows(spark, b, file);
      assertThat(fromUtf8)
          .hasSize(2)
          .allSatisfy(
              row -> assertThat(row.isNullAt(row.fieldIndex(SparkSchemas.REJECT_REASON))).isTrue());
      assertThat(fromLegacy).isEqualTo(fromUtf8);
    }
    assertThat(validatedRows(spark, b, "insatsperioder").get(0).getString(4)).isEqualTo("Söder-1");
  }

  private static List<Row> validatedRows(SparkSession spark, Path dir, String file)
      throws IOException {
    Delivery d = new Delivery("FARSTA", LocalDate.parse("2025-03-31"), dir);
    DeliveryInspection inspection = new DeliveryInspector(MODEL).inspect(d, null);
    Dataset<Row> rows =
        new DeliveryValidation(MODEL)
            .validate(spark, RawRowReader.readAll(spark, List.of(inspection)))
            .validatedByFile()
            .get(file);
    return rows.orderBy(SparkSchemas.LINE).collectAsList();
  }

  @Test
  void aCleanDeliveryHasNoRejections(SparkSession spark, @TempDir Path root) throws IOException {
    Path dir =
        DeliveryBuilder.minimal(root, "JARVA", "2025-03-31")
            .episode("P1;" + A + ";M;SIG_UNGA;2024-01-10;;;")
            .assessment("P1;INSKRIVNING;2024-01-12;BOENDE;2;")
            .write();
    ValidateJob.Report r = validate(spark, dir);
    assertThat(r.clean()).isTrue();
    assertThat(r.counts()).extracting(FileCounts::rejected).containsOnly(0L);
  }

  private static final Clock MARCH_30 =
      Clock.fixed(Instant.parse("2025-03-30T10:00:00Z"), ZoneId.of("Europe/Stockholm"));

  @Test
  void aDeliveryDatedAfterTomorrowIsRejected(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path tomorrow = DeliveryBuilder.minimal(root, "FARSTA", "2025-03-31").write();
    assertThat(new ValidateJob(MODEL, MARCH_30).run(spark, tomorrow, null, null).clean()).isTrue();
    Path later = DeliveryBuilder.minimal(root, "FARSTA", "2025-04-01").write();
    ValidateJob.Report r = new ValidateJob(MODEL, MARCH_30).run(spark, later, null, null);
    assertThat(r.fileFaults())
        .extracting(DeliveryInspection.FileFault::reason)
        .containsExactly(
            "leveransdatum 2025-04-01 ligger i framtiden (senast 2025-03-31 godtas); "
                + "rätta mappens namn");
  }

  @Test
  void aMisnamedFolderIsShownByItsNameAndRejected(SparkSession spark, @TempDir Path root)
      throws IOException {
    Path dir = DeliveryBuilder.minimal(root, "FARSTA", "inte-ett-datum").write();
    ValidateJob.Report r = validate(spark, dir);
    assertThat(r.delivery().label()).isEqualTo("FARSTA/inte-ett-datum");
    assertThat(r.fileFaults())
        .extracting(DeliveryInspection.FileFault::reason)
        .containsExactly("mappnamnet inte-ett-datum är inget leveransdatum (förväntat ÅÅÅÅ-MM-DD)");
  }

  @Test
  void linksAndOtherNonRegularFilesRejectTheDeliveryWithoutBeingRead(
      SparkSession spark, @TempDir Path root) throws IOException {
    Path secret = root.resolve("passwd");
    Files.writeString(secret, "root:x:0:0:root:/root:/bin/bash\n");
    Path dir = DeliveryBuilder.minimal(root, "FARSTA", "2025-03-31").write();
    Files.delete(dir.resolve("insatsperioder.csv"));
    Files.createSymbolicLink(dir.resolve("insatsperioder.csv"), secret);
    Files.createDirectories(dir.resolve("arkiv"));
    ValidateJob.Report r = validate(spark, dir);
    assertThat(r.fileFaults())
        .extracting(DeliveryInspection.FileFault::reason)
        .containsExactly(
            "arkiv är en mapp; en leveransmapp får bara innehålla vanliga filer (filen lästes inte)",
            "insatsperioder.csv är en länk; en leveransmapp får bara innehålla vanliga filer "
                + "(filen lästes inte)");
    assertThat(r.toString()).doesNotContain("root:x");
  }

  @Test
  void encodingFaultsNameTheFile(SparkSession spark, @TempDir Path root) throws IOException {
    Path dir = DeliveryBuilder.minimal(root, "FARSTA", "2025-03-31").write();
    Files.write(
        dir.resolve("insatsperioder.csv"),
        DeliveryBuilder.EPISODE_HEADER.getBytes(StandardCharsets.UTF_16));
    Files.write(dir.resolve("bedomningar.csv"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1});
    assertThat(validate(spark, dir).fileFaults())
        .extracting(DeliveryInspection.FileFault::reason)
        .containsExactlyInAnyOrder(
            "insatsperioder.csv: filen är kodad i UTF-16, som inte stöds (spara som UTF-8 eller "
                + "Windows-1252)",
            "bedomningar.csv: filen innehåller binära data och är ingen textfil (CSV)");
  }

  @Test
  void aHugeOrUnprintableValueIsQuotedAsAShortMarkedExcerpt(SparkSession spark, @TempDir Path root)
      throws IOException {
    String huge = "X".repeat(100_000);
    Path dir =
        new DeliveryBuilder(root, "FARSTA", "2025-03-31")
            .file(
                "insatsperioder.csv",
                DeliveryBuilder.EPISODE_HEADER + ";kol\u001b[2Jumn" + "Y".repeat(500))
            .row("insatsperioder.csv", "P1;" + A + ";M;" + huge + ";2024-01-10;;;;")
            .file("bedomningar.csv", DeliveryBuilder.ASSESSMENT_HEADER)
            .write();
    ValidateJob.Report r = validate(spark, dir);
    assertThat(r.warnings()).hasSize(1);
    assertThat(r.warnings().get(0))
        .startsWith("okänd kolumn kol?[2JumnYYY")
        .contains("… (510 tecken)")
        .hasSizeLessThan(120)
        .doesNotContain("\u001b");
    RejectedRowsLedger.Entry e = r.rejectedRows().get(0);
    assertThat(e.kolumn()).isEqualTo("verksamhet");
    assertThat(e.varde()).isEqualTo("X".repeat(60) + "… (100000 tecken)");
    assertThat(e.orsak())
        .startsWith("okänd kod " + "X".repeat(60) + "… (100000 tecken) för ")
        .hasSizeLessThan(Excerpt.MESSAGE_MAX + 30);
  }
}
