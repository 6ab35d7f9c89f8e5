package se.stockholm.sigstat.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.disclosure.AuditResult;
import se.stockholm.sigstat.disclosure.CellStatus;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.disclosure.ProtectedTable;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.failure.DataException;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * The published statistik table of a run folder: {@code statistik.csv} (UTF-8, {@code ,}, {@code .}
 * decimals), {@code statistik.parquet} and {@code statistik.json} (k, district structure, periods
 * and which of them are preliminary). Each is written beside its target and renamed into place.
 */
public final class StatistikFiles {
  public static final String CSV = "statistik.csv";
  public static final String PARQUET = "statistik.parquet";
  public static final String META = "statistik.json";
  public static final List<String> COLUMNS =
      List.of(
          "period",
          "period_start",
          "period_slut",
          "indelning",
          "matt",
          "kategori",
          "stadsdel",
          "verksamhet",
          "kon",
          "aldersgrupp",
          "varde",
          "taljare",
          "namnare",
          "ki_lag",
          "ki_hog",
          "status",
          "preliminar");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatistikFiles() {}

  /** A published table read back: cells plus what statistik.json says. */
  public record Published(
      List<ProtectedCell> cells,
      int minCell,
      LocalDate indelning,
      Map<String, ReportingPeriod> periods,
      List<String> reportPeriods,
      ProtectionSummary protection) {}

  public static void write(ProtectedTable table, List<String> reportPeriods, Path runDir)
      throws IOException {
    write(table, reportPeriods, null, runDir);
  }

  /** Writes the table, with the audit's figures in statistik.json when given. */
  public static void write(
      ProtectedTable table, List<String> reportPeriods, AuditResult audit, Path runDir)
      throws IOException {
    Files.createDirectories(runDir);
    Path csvTmp = Files.createTempFile(runDir, ".statistik", ".csv.tmp");
    try (BufferedWriter w = Files.newBufferedWriter(csvTmp, StandardCharsets.UTF_8)) {
      w.write(String.join(",", COLUMNS));
      w.write('\n');
      for (ProtectedCell c : table.cells()) {
        w.write(String.join(",", fields(c, table)));
        w.write('\n');
      }
    }
    Path parquetTmp = runDir.resolve(".statistik.parquet.tmp");
    AtomicFiles.deleteTree(parquetTmp);
    StatistikParquet.write(table, parquetTmp);
    ObjectNode meta = JSON.createObjectNode();
    meta.put("k", table.minCell());
    meta.put("sekretessOff", table.minCell() == 1);
    meta.put("indelning", table.indelning().toString());
    ArrayNode periods = meta.putArray("perioder");
    for (ReportingPeriod p : table.periods().values()) {
      ObjectNode n = periods.addObject();
      n.put("period", p.code());
      n.put("start", p.start().toString());
      n.put("slut", p.end().toString());
      n.put("typ", p.kind().name());
      n.put("rapportperiod", reportPeriods.contains(p.code()));
      n.put("preliminar", p.preliminary());
    }
    if (audit != null) {
      meta.set("rojandekontroll", JSON.valueToTree(ProtectionSummary.of(audit)));
    }
    AtomicFiles.move(csvTmp, runDir.resolve(CSV));
    Path old = runDir.resolve(".statistik.parquet.old");
    AtomicFiles.deleteTree(old);
    if (Files.exists(runDir.resolve(PARQUET))) {
      AtomicFiles.move(runDir.resolve(PARQUET), old);
    }
    AtomicFiles.move(parquetTmp, runDir.resolve(PARQUET));
    AtomicFiles.deleteTree(old);
    AtomicFiles.write(runDir.resolve(META), JSON.writeValueAsBytes(meta));
  }

  private static List<String> fields(ProtectedCell c, ProtectedTable t) {
    ReportingPeriod p = t.periods().get(c.key().period());
    CellKey k = c.key();
    return List.of(
        k.period(),
        p.start().toString(),
        p.end().toString(),
        t.indelning().toString(),
        k.measure(),
        k.category(),
        k.district(),
        k.activity(),
        k.gender(),
        k.ageBand(),
        number(c.value()),
        number(c.numerator()),
        number(c.denominator()),
        number(c.low()),
        number(c.high()),
        c.status().code(),
        Boolean.toString(p.preliminary()));
  }

  /** Integers without decimals, other numbers with at most 6 decimals, "." as decimal point. */
  static String number(Double d) {
    if (d == null || d.isNaN()) {
      return "";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return new BigDecimal(d)
        .setScale(6, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Reads a run folder's statistik.csv and statistik.json back. */
  public static Published read(Path runDir) throws IOException {
    Path csv = runDir.resolve(CSV);
    Path meta = runDir.resolve(META);
    if (!Files.isRegularFile(csv)) {
      throw new ConfigurationException("Körmappen " + runDir + " har ingen " + CSV);
    }
    JsonNode m = Files.isRegularFile(meta) ? JSON.readTree(meta.toFile()) : JSON.createObjectNode();
    Map<String, ReportingPeriod> periods = new LinkedHashMap<>();
    List<String> report = new ArrayList<>();
    for (JsonNode p : m.path("perioder")) {
      periods.put(
          p.get("period").asText(),
          new ReportingPeriod(
              p.get("period").asText(),
              LocalDate.parse(p.get("start").asText()),
              LocalDate.parse(p.get("slut").asText()),
              ReportingPeriod.Kind.valueOf(p.get("typ").asText()),
              p.path("preliminar").asBoolean(false)));
      if (p.path("rapportperiod").asBoolean()) {
        report.add(p.get("period").asText());
      }
    }
    List<ProtectedCell> cells = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.equals(String.join(",", COLUMNS))) {
        throw new DataException(csv + " har inte statistiktabellens kolumner");
      }
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        cells.add(
            new ProtectedCell(
                new CellKey(f[0], f[4], f[5], f[6], f[7], f[8], f[9]),
                dbl(f[10]),
                dbl(f[11]),
                dbl(f[12]),
                dbl(f[13]),
                dbl(f[14]),
                CellStatus.ofCode(f[15])));
      }
    }
    ProtectionSummary protection =
        m.has("rojandekontroll")
            ? JSON.treeToValue(m.get("rojandekontroll"), ProtectionSummary.class)
            : null;
    return new Published(
        cells,
        m.path("k").asInt(5),
        m.hasNonNull("indelning") ? LocalDate.parse(m.get("indelning").asText()) : null,
        periods,
        report,
        protection);
  }

  private static Double dbl(String s) {
    return s.isEmpty() ? null : Double.valueOf(s);
  }
}
