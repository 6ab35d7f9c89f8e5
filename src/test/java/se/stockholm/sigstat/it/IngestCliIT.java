package se.stockholm.sigstat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.ingest.TextEncoding;
import se.stockholm.sigstat.testing.Cli;
import se.stockholm.sigstat.testing.ParquetContents;
import se.stockholm.sigstat.warehouse.DeliveryLog;
import se.stockholm.sigstat.warehouse.WarehouseLayout;

/**
 * The real CLI end to end on generated data with planted faults: generate, validate, ingest; then
 * the produced files are opened and checked against counts made here in plain Java. The commands
 * run in this JVM (Cli.inProcess); a failure's exit code is checked on a process of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestCliIT {
  private static final Pattern PNR = Pattern.compile("(?<!\\d)((?:19|20)\\d{6})-?(\\d{4})(?!\\d)");

  @TempDir static Path dir;
  Path data;
  Path warehouse;
  Cli.Run ingest;

  @BeforeAll
  void generateAndIngest() throws Exception {
    data = dir.resolve("data");
    warehouse = dir.resolve("warehouse");
    Cli.Run gen =
        Cli.inProcess(
            "generate",
            "--persons",
            "400",
            "--seed",
            "11",
            "--as-of",
            "2025-06-30",
            "--faults",
            "0.01",
            "--out",
            data.toString());
    assertThat(gen.exitCode()).as(gen.stderr()).isZero();
    Path key = dir.resolve("nyckel.txt");
    Files.writeString(key, "integration-test-secret-key");
    ingest =
        Cli.inProcess(
            "ingest",
            "--deliveries",
            data.resolve("leveranser").toString(),
            "--warehouse",
            warehouse.toString(),
            "--key-file",
            key.toString(),
            "--max-rejected-percent",
            "50");
  }

  @Test
  void ingestPublishesEveryDeliveryAndPrintsCounts() {
    assertThat(ingest.exitCode()).as(ingest.stderr()).isZero();
    assertThat(ingest.stdout()).contains("FARSTA/2025-06-30", "PUBLICERAD", "Totalt");
    // A standalone ingest may start a warehouse, but says so.
    assertThat(ingest.stdout())
        .contains("Lagret " + warehouse + " fanns inte: ett nytt, tomt lager har skapats.");
  }

  @Test
  void rowsReadEqualAcceptedPlusRejectedAndMatchTheFiles() throws IOException {
    List<DeliveryLog.Entry> log = new DeliveryLog(new WarehouseLayout(warehouse)).entries();
    assertThat(log).hasSize(17);
    Map<String, Long> ledgerRows = new HashMap<>();
    for (String line :
        Files.readAllLines(warehouse.resolve("avvisade_rader.csv"))
            .subList(1, Files.readAllLines(warehouse.resolve("avvisade_rader.csv")).size())) {
      String[] f = line.split(";", -1);
      ledgerRows.merge(f[0] + "|" + f[1], 1L, Long::sum);
    }
    long totalRejected = 0;
    for (DeliveryLog.Entry e : log) {
      assertThat(e.filer()).hasSize(5);
      for (DeliveryLog.FileEntry f : e.filer()) {
        assertThat(f.lasta())
            .as(e.leverans() + " " + f.fil())
            .isEqualTo(f.godkanda() + f.avvisade())
            .isEqualTo(
                dataLines(data.resolve("leveranser").resolve(e.leverans()).resolve(f.fil())));
        assertThat(ledgerRows.getOrDefault(e.leverans() + "|" + f.fil(), 0L))
            .isEqualTo(f.avvisade());
        totalRejected += f.avvisade();
      }
    }
    assertThat(totalRejected).isPositive();
  }

  @Test
  void everyKindOfPlantedFaultIsInTheLedgerWithASwedishReason() throws IOException {
    String ledger = Files.readString(warehouse.resolve("avvisade_rader.csv"));
    assertThat(ledger)
        .contains(
            "okänd kod",
            "finns inte i insatsperioder.csv",
            "ligger utanför skalan",
            "ogiltigt heltal",
            "hör till insatsperioden",
            "fält men rubrikraden");
  }

  @Test
  void noPersonnummerAnywhereInTheWarehouseLedgerOrLogs() throws IOException {
    Set<String> numbers = new HashSet<>();
    try (Stream<Path> files = Files.walk(data.resolve("leveranser"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = PNR.matcher(Files.readString(f, charsetOf(f)));
        while (m.find()) {
          numbers.add(m.group(1) + m.group(2));
        }
      }
    }
    assertThat(numbers).hasSizeGreaterThan(300);
    StringBuilder written = new StringBuilder(ingest.stdout()).append(ingest.stderr());
    try (Stream<Path> files = Files.walk(warehouse)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        written.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    // Parquet pages are compressed: scan the decoded values too.
    try (Stream<Path> files = Files.walk(warehouse)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        ParquetContents.rows(f).forEach(r -> written.append(r).append('\n'));
      }
    }
    assertThat(written).contains("person_id: ");
    String all = written.toString();
    for (String n : numbers) {
      assertThat(all)
          .doesNotContain(n)
          .doesNotContain(n.substring(0, 8) + "-" + n.substring(8))
          .doesNotContain(n.substring(2));
    }
  }

  @Test
  void validateListsEachBadRowAndExitsNonZero() throws Exception {
    Path farsta = data.resolve("leveranser/FARSTA/2025-06-30");
    Cli.Run run = Cli.inProcess("validate", farsta.toString());
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    long rejectedInLedger =
        Files.readAllLines(warehouse.resolve("avvisade_rader.csv")).stream()
            .filter(l -> l.startsWith("FARSTA/2025-06-30;"))
            .count();
    assertThat(run.stdout().lines().filter(l -> l.matches("\\s+\\S+\\.csv rad \\d+.*")).count())
        .isEqualTo(rejectedInLedger)
        .isPositive();
    assertThat(run.stdout()).contains("Leveransen har fel");
  }

  @Test
  void validateOnACleanDeliveryExitsZero() throws Exception {
    Path clean = dir.resolve("clean");
    Cli.Run gen =
        Cli.inProcess(
            "generate",
            "--persons",
            "60",
            "--seed",
            "5",
            "--as-of",
            "2025-06-30",
            "--out",
            clean.toString());
    assertThat(gen.exitCode()).isZero();
    Cli.Run run =
        Cli.inProcess("validate", clean.resolve("leveranser/FARSTA/2025-06-30").toString());
    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    assertThat(run.stdout()).contains("Leveransen är godkänd");
  }

  @Test
  void ingestWithoutAKeyIsAConfigurationError() throws Exception {
    Cli.Run run =
        Cli.run(
            dir,
            Map.of(),
            "ingest",
            "--leveranser",
            data.resolve("leveranser").toString(),
            "--warehouse",
            dir.resolve("w-nokey").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("Ingen pseudonymiseringsnyckel");
  }

  private static long dataLines(Path file) throws IOException {
    return Files.readString(file, charsetOf(file))
        .lines()
        .skip(1)
        .filter(l -> !l.isBlank())
        .count();
  }

  private static java.nio.charset.Charset charsetOf(Path f) throws IOException {
    return TextEncoding.detect(f).charset();
  }
}
