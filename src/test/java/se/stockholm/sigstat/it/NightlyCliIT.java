package se.stockholm.sigstat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
import se.stockholm.sigstat.nightly.RunLock;
import se.stockholm.sigstat.testing.Cli;
import se.stockholm.sigstat.testing.DeliveryBuilder;
import se.stockholm.sigstat.testing.TestPnr;
import se.stockholm.sigstat.testing.WorkbookContents;

/** The nightly job as the scheduler runs it: the real CLI, one run after another. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  Path job;
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
  }

  private Cli.Run nightly() throws Exception {
    return Cli.run(dir, Map.of(), "nightly", "--job", job.toString());
  }

  private static JsonNode manifest(Path run) throws Exception {
    return JSON.readTree(run.resolve("manifest.json").toFile());
  }

  @Test
  @Order(1)
  void aCleanRunExitsZeroAndItsManifestReconcilesRows() throws Exception {
    Cli.Run r = nightly();
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
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
    assertThat(m.get("utdata").toString()).contains("statistik.csv", "SIG_Stockholms_stad_");
    assertThat(r.stderr()).contains("ingest", "aggregate", "audit", "report");
    assertThat(Files.readString(dir.resolve("ut/loggar").resolve(first.getFileName() + ".log")))
        .contains("klar:");
  }

  @Test
  @Order(2)
  void aSecondRunOnUnchangedDeliveriesReadsNothingAndGivesTheSameFigures() throws Exception {
    Thread.sleep(1100);
    Cli.Run r = nightly();
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
    DeliveryBuilder.minimal(dir.resolve("leveranser"), "JARVA", "2099-12-31")
        .episode("X1;" + TestPnr.withBadCheckDigit("19900101", "123") + ";M;SIG_UNGA;2024-01-10;;;")
        .write();
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
        .anyMatch(v -> v.text().contains("föregående godkända leverans"));
  }

  @Test
  @Order(4)
  void aRunKilledDuringAggregationLeavesWarehouseAndSenasteAsTheyWere() throws Exception {
    // A changed Bromma delivery, which the killed run will have ingested when it dies.
    Path latest;
    try (Stream<Path> s = Files.list(dir.resolve("leveranser/BROMMA"))) {
      latest = s.sorted().reduce((a, b) -> b).orElseThrow();
    }
    Path changed = dir.resolve("leveranser/BROMMA/2099-12-30");
    Files.createDirectories(changed);
    try (Stream<Path> s = Files.list(latest)) {
      for (Path f : s.toList()) {
        Files.copy(f, changed.resolve(f.getFileName()));
      }
    }
    List<String> rows = Files.readAllLines(changed.resolve("bedomningar.csv"));
    Files.write(changed.resolve("bedomningar.csv"), rows.subList(0, rows.size() - 1));
    Map<String, String> before = warehouseState();
    Path senaste = Files.readSymbolicLink(dir.resolve("ut/senaste"));
    Thread.sleep(1100);

    Cli.Started started = Cli.start(dir, Map.of(), "nightly", "--job", job.toString());
    long deadline = System.currentTimeMillis() + 300_000;
    while (!Files.readString(started.stderr()).matches("(?s).*\\d\\d:\\d\\d:\\d\\d ingest .*")) {
      assertThat(started.process().isAlive()).as(Files.readString(started.stderr())).isTrue();
      assertThat(System.currentTimeMillis()).isLessThan(deadline);
      Thread.sleep(200);
    }
    started.process().destroyForcibly().waitFor();

    assertThat(warehouseState()).isEqualTo(before);
    assertThat(Files.readSymbolicLink(dir.resolve("ut/senaste"))).isEqualTo(senaste);
    Cli.Run next = nightly();
    assertThat(next.exitCode()).as(next.stderr()).isEqualTo(3);
    Path run = dir.resolve("ut").resolve(Files.readSymbolicLink(dir.resolve("ut/senaste")));
    JsonNode bromma = null;
    for (JsonNode d : manifest(run).get("leveranser")) {
      if (d.get("leverans").asText().equals("BROMMA/2099-12-30")) {
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
}
