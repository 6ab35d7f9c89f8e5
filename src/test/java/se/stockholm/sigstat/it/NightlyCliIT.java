package se.stockholm.sigstat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.ingest.TextEncoding;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.nightly.RunLock;
import se.stockholm.sigstat.testing.Cli;
import se.stockholm.sigstat.testing.DeliveryBuilder;
import se.stockholm.sigstat.testing.TestPnr;
import se.stockholm.sigstat.testing.WorkbookContents;

/** The nightly job as the scheduler runs it: the real CLI, one run after another. */
// First, on a thread of its own: its processes keep one core busy for most of the IT phase
// (pom.xml).
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The generated deliveries' date: some days back, so that newer ones are not in the future. */
  private static final LocalDate AS_OF = LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(10);

  /** A month ahead: far beyond the one day a delivery may be dated after today. */
  private static final LocalDate FUTURE = AS_OF.plusDays(40);

  @TempDir static Path dir;
  Path job;

  /** The same job without workbooks, for runs whose test looks at no workbook (6 s less each). */
  Path jobWithoutReports;

  Path first;

  @BeforeAll
  void generate() throws Exception {
    assertThat(
            Cli.run(
                    dir,
                    Map.of(),
                    "generate",
                    "--persons",
                    "300",
                    "--seed",
                    "8",
                    "--as-of",
                    AS_OF.toString(),
                    "--out",
                    dir.toString())
                .exitCode())
        .isZero();
    Files.writeString(dir.resolve("nyckel.txt"), "nightly-integration-test-key");
    job = dir.resolve("jobb.yaml");
    Files.writeString(
        job,
        String.join(
            "\n",
            "leveranser: leveranser",
            "warehouse: lager",
            "output: ut",
            "befolkning: befolkning.csv",
            "key-file: nyckel.txt",
            "periods: [current-year-to-date, previous-year]",
            "look-back-years: 1",
            "retention: {keep-runs: 2}",
            "spark: {master: 'local[2]', settings: {spark.sql.shuffle.partitions: '4'}}",
            ""));
    jobWithoutReports =
        Files.writeString(
            dir.resolve("jobb-utan-rapporter.yaml"), Files.readString(job) + "reports: false\n");
  }

  private Cli.Run nightly() throws Exception {
    return Cli.run(dir, Map.of(), "nightly", "--job", job.toString());
  }

  private Cli.Run nightlyWithoutReports() throws Exception {
    return Cli.run(dir, Map.of(), "nightly", "--job", jobWithoutReports.toString());
  }

  private static JsonNode manifest(Path run) throws Exception {
    return JSON.readTree(run.resolve("manifest.json").toFile());
  }

  @Test
  @Order(1)
  void aCleanRunExitsZeroAndItsManifestReconcilesRows() throws Exception {
    Cli.Run r = Cli.run(dir, Map.of(), "nightly", "--job", job.toString(), "--create-warehouse");
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    assertThat(r.stderr()).contains("nytt, tomt lager skapat i");
    first = dir.resolve("ut").resolve(Files.readSymbolicLink(dir.resolve("ut/senaste")));
    JsonNode m = manifest(first);
    assertThat(m.get("slutkod").asInt()).isZero();
    assertThat(m.get("leveranser")).hasSize(17);
    for (JsonNode d : m.get("leveranser")) {
      assertThat(d.get("status").asText()).isEqualTo("PUBLICERAD");
      for (JsonNode f : d.get("filer")) {
        Path csv =
            dir.resolve("leveranser")
                .resolve(d.get("leverans").asText())
                .resolve(f.get("fil").asText());
        long lines =
            Files.readString(csv, TextEncoding.detect(csv).charset())
                .lines()
                .skip(1)
                .filter(l -> !l.isBlank())
                .count();
        assertThat(f.get("lasta").asLong())
            .isEqualTo(lines)
            .isEqualTo(f.get("godkanda").asLong() + f.get("avvisade").asLong());
      }
    }
    assertThat(m.get("steg_ms").has("ingest")).isTrue();
    assertThat(m.get("steg_ms").get("verify").asLong()).isNotNegative();
    // The audit of some ten thousand cells takes time: it was logged as 0.0 s for a while.
    assertThat(m.get("steg_ms").get("audit").asLong()).isPositive();
    assertThat(m.get("utdata").toString()).contains("statistik.csv", "SIG_Stockholms_stad_");
    assertThat(r.stderr()).contains("ingest", "aggregate", "audit", "report");
    assertThat(Files.readString(dir.resolve("ut/loggar").resolve(first.getFileName() + ".log")))
        .contains("klar:");
  }

  @Test
  @Order(2)
  void aSecondRunOnUnchangedDeliveriesReadsNothingAndGivesTheSameFigures() throws Exception {
    Thread.sleep(1100);
    Cli.Run r = nightlyWithoutReports();
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Path second = dir.resolve("ut").resolve(Files.readSymbolicLink(dir.resolve("ut/senaste")));
    assertThat(second).isNotEqualTo(first);
    for (JsonNode d : manifest(second).get("leveranser")) {
      assertThat(d.get("status").asText()).isEqualTo("OFORANDRAD");
    }
    assertThat(Files.readString(second.resolve("statistik.csv")))
        .isEqualTo(Files.readString(first.resolve("statistik.csv")));
  }

  @Test
  @Order(3)
  void aDeliveryOverTheThresholdGivesExitThreeAndTheReportSaysSo() throws Exception {
    // A newer Järva delivery whose only episode has a wrong check digit: 100 % rejected.
    DeliveryBuilder.minimal(dir.resolve("leveranser"), "JARVA", AS_OF.plusDays(5).toString())
        .episode("X1;" + TestPnr.withBadCheckDigit("19900101", "123") + ";M;SIG_UNGA;2024-01-10;;;")
        .write();
    // And two folders that are no delivery: dated a month ahead, and not named by a date.
    copyNewest("KUNGSHOLMEN", FUTURE.toString());
    copyNewest("FARSTA", "inte-ett-datum");
    Thread.sleep(1100);
    Cli.Run r = nightly();
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(3);
    Path run = dir.resolve("ut").resolve(Files.readSymbolicLink(dir.resolve("ut/senaste")));
    WorkbookContents about =
        WorkbookContents.read(
            Files.list(run)
                .filter(p -> p.getFileName().toString().startsWith("SIG_Stockholms_stad_"))
                .findFirst()
                .orElseThrow(),
            50_000);
    assertThat(about.sheets.get("Om rapporten").cells.values())
        .anyMatch(v -> v.text().equals("Avvisad"))
        .anyMatch(v -> v.text().contains("föregående godkända leverans"))
        .anyMatch(v -> v.text().equals("inte-ett-datum"))
        .anyMatch(v -> v.text().startsWith("mappnamnet inte-ett-datum är inget leveransdatum"))
        .anyMatch(v -> v.text().equals(FUTURE.toString()))
        .anyMatch(v -> v.text().startsWith("leveransdatum " + FUTURE + " ligger i framtiden"));
  }

  @Test
  @Order(3)
  void aFutureOrMisnamedDeliveryFolderIsRejectedInTheLedgerLogAndManifestNotSkipped()
      throws Exception {
    Path run = dir.resolve("ut").resolve(Files.readSymbolicLink(dir.resolve("ut/senaste")));
    Map<String, String> reasons = new java.util.HashMap<>();
    for (JsonNode d : manifest(run).get("leveranser")) {
      if (d.get("status").asText().equals("AVVISAD")) {
        reasons.put(d.get("leverans").asText(), d.get("orsak").asText());
      }
    }
    assertThat(reasons)
        .containsEntry(
            "FARSTA/inte-ett-datum",
            "mappnamnet inte-ett-datum är inget leveransdatum (förväntat ÅÅÅÅ-MM-DD)")
        .containsKey("KUNGSHOLMEN/" + FUTURE);
    assertThat(reasons.get("KUNGSHOLMEN/" + FUTURE)).contains("ligger i framtiden");
    // The district's real newest delivery is still the one that counts.
    assertThat(manifest(run).get("leveranser").findValuesAsText("leverans"))
        .contains("KUNGSHOLMEN/" + AS_OF, "FARSTA/" + AS_OF);
    for (JsonNode d : manifest(run).get("leveranser")) {
      if (d.get("leverans").asText().equals("KUNGSHOLMEN/" + AS_OF)) {
        assertThat(d.get("status").asText()).isEqualTo("OFORANDRAD");
      }
    }
    assertThat(Files.readString(dir.resolve("lager/avvisade_rader.csv")))
        .contains("FARSTA/inte-ett-datum;;;;;mappnamnet", "KUNGSHOLMEN/" + FUTURE + ";;;;;");
    assertThat(Files.readString(dir.resolve("lager/leveranslogg.json")))
        .contains("\"FARSTA/inte-ett-datum\"", "\"KUNGSHOLMEN/" + FUTURE + "\"");
    Cli.Run validate =
        Cli.run(
            dir, Map.of(), "validate", dir.resolve("leveranser/FARSTA/inte-ett-datum").toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.stdout())
        .contains("Leverans FARSTA/inte-ett-datum", "mappnamnet inte-ett-datum")
        .doesNotContain("-999999999");
  }

  /** Copies a district's newest delivery into a folder of another name. */
  private static void copyNewest(String district, String folder) throws Exception {
    Path latest;
    try (Stream<Path> s = Files.list(dir.resolve("leveranser").resolve(district))) {
      latest = s.sorted().reduce((a, b) -> b).orElseThrow();
    }
    Path copy = dir.resolve("leveranser").resolve(district).resolve(folder);
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(latest)) {
      for (Path f : s.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
  }

  @Test
  @Order(4)
  void aRunKilledDuringAggregationLeavesWarehouseAndSenasteAsTheyWere() throws Exception {
    // A changed Bromma delivery, which the killed run will have ingested when it dies.
    String date = AS_OF.plusDays(6).toString();
    copyNewest("BROMMA", date);
    Path changed = dir.resolve("leveranser/BROMMA").resolve(date);
    List<String> rows = Files.readAllLines(changed.resolve("bedomningar.csv"));
    Files.write(changed.resolve("bedomningar.csv"), rows.subList(0, rows.size() - 1));
    Map<String, String> before = warehouseState();
    Path senaste = Files.readSymbolicLink(dir.resolve("ut/senaste"));
    Thread.sleep(1100);

    Cli.Started started =
        Cli.start(dir, Map.of(), "nightly", "--job", jobWithoutReports.toString());
    long deadline = System.currentTimeMillis() + 300_000;
    while (!Files.readString(started.stderr()).matches("(?s).*\\d\\d:\\d\\d:\\d\\d ingest .*")) {
      assertThat(started.process().isAlive()).as(Files.readString(started.stderr())).isTrue();
      assertThat(System.currentTimeMillis()).isLessThan(deadline);
      Thread.sleep(200);
    }
    started.process().destroyForcibly().waitFor();

    assertThat(warehouseState()).isEqualTo(before);
    assertThat(Files.readSymbolicLink(dir.resolve("ut/senaste"))).isEqualTo(senaste);
    Cli.Run next = nightlyWithoutReports();
    assertThat(next.exitCode()).as(next.stderr()).isEqualTo(3);
    Path run = dir.resolve("ut").resolve(Files.readSymbolicLink(dir.resolve("ut/senaste")));
    JsonNode bromma = null;
    for (JsonNode d : manifest(run).get("leveranser")) {
      if (d.get("leverans").asText().equals("BROMMA/" + date)) {
        bromma = d;
      }
    }
    assertThat(bromma).isNotNull();
    assertThat(bromma.get("status").asText()).isEqualTo("PUBLICERAD");
    try (Stream<Path> s = Files.list(dir.resolve("ut"))) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".pagaende"));
    }
  }

  /** Every CURRENT pointer and the delivery log, by path. */
  private Map<String, String> warehouseState() throws Exception {
    Map<String, String> state = new java.util.TreeMap<>();
    try (Stream<Path> s = Files.walk(dir.resolve("lager"))) {
      for (Path f :
          s.filter(
                  p ->
                      p.getFileName().toString().equals("CURRENT")
                          || p.getFileName().toString().equals("leveranslogg.json"))
              .toList()) {
        state.put(dir.relativize(f).toString(), Files.readString(f));
      }
    }
    try (Stream<Path> s = Files.list(dir.resolve("lager/snapshots/BROMMA"))) {
      state.put(
          "bromma-snapshots", s.map(p -> p.getFileName().toString()).sorted().toList().toString());
    }
    return state;
  }

  @Test
  @Order(5)
  void aSecondConcurrentRunExitsFour() throws Exception {
    try (RunLock held = RunLock.tryAcquire(dir.resolve("lager"))) {
      assertThat(held).isNotNull();
      Cli.Run r = nightly();
      assertThat(r.exitCode()).isEqualTo(4);
      assertThat(r.stderr()).contains("En annan körning pågår");
    }
  }

  @Test
  @Order(6)
  void retentionKeepsTheNewestRuns() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("ut"))) {
      assertThat(s.filter(p -> p.getFileName().toString().matches("\\d{8}-\\d{6}")).count())
          .isEqualTo(2);
    }
  }

  @Test
  @Order(7)
  void aMistakeInTheJobFileIsAConfigurationErrorNamingTheKey() throws Exception {
    Path broken = dir.resolve("trasig.yaml");
    Files.writeString(broken, Files.readString(job) + "suppression: {min-cell: noll}\n");
    Cli.Run r = Cli.run(dir, Map.of(), "nightly", "--job", broken.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("suppression.min-cell");
  }

  @Test
  @Order(8)
  void aLostParquetFileOfALiveSnapshotFailsTheRunBeforeAnythingIsPublished() throws Exception {
    Path sodermalm = liveSnapshot("SODERMALM");
    Path lost;
    try (Stream<Path> s = Files.list(sodermalm.resolve("insatsperioder"))) {
      lost = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().get();
    }
    Path kept = dir.resolve("saved.parquet");
    Files.move(lost, kept);
    Path senaste = Files.readSymbolicLink(dir.resolve("ut/senaste"));
    List<String> logsBefore = logs();
    Thread.sleep(1100);

    Cli.Run r = nightly();

    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
    String name = dir.resolve("lager").relativize(lost).toString();
    assertThat(r.stderr())
        .contains("Lagret " + dir.resolve("lager") + " är skadat: SODERMALM: filen " + name)
        .contains("saknas")
        .doesNotContain("\tat ", "Exception");
    assertThat(Files.readSymbolicLink(dir.resolve("ut/senaste"))).isEqualTo(senaste);
    List<String> logs = logs();
    logs.removeAll(logsBefore);
    assertThat(logs).hasSize(1);
    assertThat(Files.readString(dir.resolve("ut/loggar").resolve(logs.get(0))))
        .contains("MISSLYCKADES: Lagret", "SODERMALM: filen " + name, "DataException", "\tat ");

    Cli.Run verify =
        Cli.run(dir, Map.of(), "verify", "--warehouse", dir.resolve("lager").toString());
    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.stdout()).contains("SKADAD: filen " + name + " saknas");

    Files.move(kept, lost);
    Cli.Run repaired =
        Cli.run(dir, Map.of(), "verify", "--warehouse", dir.resolve("lager").toString());
    assertThat(repaired.exitCode()).as(repaired.stdout() + repaired.stderr()).isZero();
    assertThat(repaired.stdout()).contains("SODERMALM", "Lagret är oskadat");
  }

  private static Path liveSnapshot(String district) throws Exception {
    JsonNode pointer =
        JSON.readTree(dir.resolve("lager/snapshots").resolve(district).resolve("CURRENT").toFile());
    return dir.resolve("lager/snapshots")
        .resolve(district)
        .resolve(pointer.get("snapshotId").asText());
  }

  private static List<String> logs() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("ut/loggar"))) {
      return new java.util.ArrayList<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  @Order(9)
  void aWarehousePathThatDoesNotExistIsAConfigurationErrorAndNothingIsCreated() throws Exception {
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, Files.readString(job).replace("warehouse: lager", "warehouse: lagret"));
    Path senaste = Files.readSymbolicLink(dir.resolve("ut/senaste"));
    Cli.Run r = Cli.run(dir, Map.of(), "nightly", "--job", typo.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr())
        .contains("Lagret " + dir.resolve("lagret") + " finns inte", "create-warehouse")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("lagret")).doesNotExist();
    assertThat(Files.readSymbolicLink(dir.resolve("ut/senaste"))).isEqualTo(senaste);

    Path fileAsOutput = Files.writeString(dir.resolve("ut.txt"), "");
    Path outputIsAFile = dir.resolve("fil-som-ut.yaml");
    Files.writeString(outputIsAFile, Files.readString(job).replace("output: ut", "output: ut.txt"));
    Cli.Run file = Cli.run(dir, Map.of(), "nightly", "--job", outputIsAFile.toString());
    assertThat(file.exitCode()).isEqualTo(2);
    assertThat(file.stderr())
        .contains("Utmappen " + fileAsOutput + " finns men är ingen mapp")
        .doesNotContain("\tat ");
  }

  @Test
  @Order(10)
  void aStandaloneIngestBesideARunningJobExitsFourAndTouchesNothing() throws Exception {
    Map<String, String> before = warehouseState();
    try (RunLock held = RunLock.tryAcquire(dir.resolve("lager"))) {
      Files.createDirectories(dir.resolve("lager/staging/ingest"));
      Path work = Files.writeString(dir.resolve("lager/staging/ingest/pagaende"), "nightly");
      Cli.Run r =
          Cli.run(
              dir,
              Map.of(),
              "ingest",
              "--leveranser",
              dir.resolve("leveranser").toString(),
              "--warehouse",
              dir.resolve("lager").toString(),
              "--key-file",
              dir.resolve("nyckel.txt").toString());
      assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(4);
      assertThat(r.stderr()).contains("En annan körning pågår");
      assertThat(work).exists();
    } finally {
      AtomicFiles.deleteTree(dir.resolve("lager/staging"));
    }
    assertThat(warehouseState()).isEqualTo(before);
  }
}
