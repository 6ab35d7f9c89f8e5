package se.stockholm.sigstat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.ingest.TextEncoding;
import se.stockholm.sigstat.testing.Cli;

/**
 * The real CLI on generated data: generate, ingest, aggregate and audit, run in this JVM
 * (Cli.inProcess). The city's AKTUELLA is checked against a count made here, in plain Java,
 * straight from the generated CSV files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateCliIT {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final LocalDate END = LocalDate.of(2024, 12, 31);

  @TempDir static Path dir;
  Path data;
  Path run;
  Cli.Run aggregate;

  @BeforeAll
  void generateIngestAggregate() throws Exception {
    data = dir.resolve("data");
    run = dir.resolve("run");
    assertThat(
            Cli.inProcess(
                    "generate",
                    "--persons",
                    "600",
                    "--seed",
                    "21",
                    "--as-of",
                    "2025-03-31",
                    "--out",
                    data.toString())
                .exitCode())
        .isZero();
    Path key = Files.writeString(dir.resolve("nyckel.txt"), "aggregate-it-secret-key");
    Cli.Run ingest =
        Cli.inProcess(
            "ingest",
            "--leveranser",
            data.resolve("leveranser").toString(),
            "--warehouse",
            dir.resolve("warehouse").toString(),
            "--key-file",
            key.toString());
    assertThat(ingest.exitCode()).as(ingest.stderr()).isZero();
    aggregate =
        Cli.inProcess(
            "aggregate",
            "--warehouse",
            dir.resolve("warehouse").toString(),
            "--period",
            "2024",
            "--out",
            run.toString());
  }

  @Test
  void aktuellaForTheCityEqualsAnIndependentCountOfTheInput() throws IOException {
    assertThat(aggregate.exitCode()).as(aggregate.stdout() + aggregate.stderr()).isZero();
    Set<String> persons = new HashSet<>();
    try (Stream<Path> files = Files.walk(data.resolve("leveranser"))) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().equals("insatsperioder.csv")).toList()) {
        List<String> lines = Files.readAllLines(f, TextEncoding.detect(f).charset());
        String delimiter = lines.get(0).contains(";") ? ";" : ",";
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(delimiter, -1));
        int pnr = header.indexOf("personnummer");
        int ref = header.indexOf("person_ref");
        int start = header.indexOf("inskrivningsdatum");
        int end = header.indexOf("avslutsdatum");
        for (String line : lines.subList(1, lines.size())) {
          String[] v = line.split(delimiter, -1);
          LocalDate s = LocalDate.parse(v[start]);
          boolean current =
              !s.isAfter(END) && (v[end].isEmpty() || !LocalDate.parse(v[end]).isBefore(START));
          if (current) {
            persons.add(pnr >= 0 ? v[pnr].replace("-", "") : "ref:" + v[ref]);
          }
        }
      }
    }
    String cityRow =
        Files.readAllLines(run.resolve("statistik.csv")).stream()
            .filter(l -> l.startsWith("2024,") && l.contains(",AKTUELLA,,STHLM,ALLA,ALLA,ALLA,"))
            .findFirst()
            .orElseThrow();
    String[] f = cityRow.split(",", -1);
    assertThat(f[15]).isEqualTo("S");
    assertThat(Long.parseLong(f[10])).isEqualTo(persons.size()).isGreaterThan(100);
    assertThat(aggregate.stdout())
        .contains(
            "Aktuella individer 2024, Stockholms stad: " + String.format("%,d", persons.size()));
  }

  @Test
  void theRunFolderHoldsCsvParquetAndMetadataAndSuppressedCellsAreEmpty() throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("statistik.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "period,period_start,period_slut,indelning,matt,kategori,"
                + "stadsdel,verksamhet,kon,aldersgrupp,varde,taljare,namnare,ki_lag,ki_hog,status,"
                + "preliminar");
    // Data up to 2025-03-31 cover 2024 and its trend: nothing is preliminary.
    assertThat(lines.stream().skip(1)).allMatch(l -> l.endsWith(",false"));
    assertThat(lines).anyMatch(l -> l.endsWith(",P,false")).anyMatch(l -> l.endsWith(",M,false"));
    assertThat(lines.stream().skip(1).filter(l -> l.endsWith(",P,false") || l.endsWith(",M,false")))
        .allMatch(l -> l.endsWith(",,,,,," + l.charAt(l.length() - 7) + ",false"));
    assertThat(lines).anyMatch(l -> l.startsWith("2023-K4,") && l.contains(",NYA,"));
    try (Stream<Path> parquet = Files.list(run.resolve("statistik.parquet"))) {
      assertThat(parquet.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith(".parquet"));
    }
    assertThat(Files.readString(run.resolve("statistik.json"))).contains("\"k\" : 5");
  }

  @Test
  void theAuditPassesAndCatchesATamperedTable() throws Exception {
    Cli.Run audit = Cli.inProcess("audit", run.toString());
    assertThat(audit.exitCode()).as(audit.stdout()).isZero();
    assertThat(audit.stdout()).contains("Granskningen godkänd");

    Path tampered = dir.resolve("tampered");
    Files.createDirectories(tampered);
    List<String> lines = Files.readAllLines(run.resolve("statistik.csv"));
    boolean done = false;
    for (int i = 1; i < lines.size() && !done; i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f[4].equals("AKTUELLA") && f[15].equals("P")) {
        f[10] = "2";
        f[15] = "S";
        lines.set(i, String.join(",", f));
        done = true;
      }
    }
    assertThat(done).isTrue();
    Files.write(tampered.resolve("statistik.csv"), lines);
    Files.copy(run.resolve("statistik.json"), tampered.resolve("statistik.json"));
    Cli.Run bad = Cli.inProcess("audit", tampered.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stdout()).contains("publicerat antal 2 < 5");
  }
}
