package se.stockholm.sigstat.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * A job definition of jobs/ (YAML), typed and checked on load: every key is known, every value of
 * the right kind, and a mistake is reported with the file and the key. Relative paths are resolved
 * against the job file's folder. Precedence: CLI flag > job file > default here.
 */
public record JobConfig(
    Path file,
    Path leveranser,
    Path warehouse,
    boolean createWarehouse,
    Path output,
    Path befolkning,
    Path keyFile,
    List<String> periods,
    int lookBackYears,
    int minCell,
    double maxRejectedPercent,
    int keepRuns,
    boolean reports,
    String sparkMaster,
    Map<String, String> sparkSettings) {

  /** Keys a job file may have ("a.b" for nested keys). */
  static final Set<String> KEYS =
      Set.of(
          "leveranser",
          "warehouse",
          "create-warehouse",
          "output",
          "befolkning",
          "key-file",
          "periods",
          "look-back-years",
          "suppression",
          "suppression.min-cell",
          "ingest",
          "ingest.max-rejected-percent",
          "retention",
          "retention.keep-runs",
          "reports",
          "spark",
          "spark.master",
          "spark.settings");

  /** Default report periods: the current year to date and the previous year. */
  static final List<String> DEFAULT_PERIODS = List.of("current-year-to-date", "previous-year");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public static JobConfig load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("Jobbfilen " + file + " finns inte");
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigurationException(
          "Jobbfilen "
              + file
              + " är inte giltig YAML: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new ConfigurationException("Jobbfilen " + file + " är tom eller ingen YAML-mappning");
    }
    checkKeys(root, "", file);
    Path base = file.toAbsolutePath().getParent();
    List<String> periods = new ArrayList<>();
    JsonNode p = root.path("periods");
    if (p.isMissingNode()) {
      periods.addAll(DEFAULT_PERIODS);
    } else if (!p.isArray() || p.isEmpty()) {
      throw bad(file, "periods", "en lista med minst en period", p);
    } else {
      p.forEach(n -> periods.add(n.asText()));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    JsonNode s = root.path("spark").path("settings");
    if (!s.isMissingNode()) {
      if (!s.isObject()) {
        throw bad(file, "spark.settings", "en mappning nyckel: värde", s);
      }
      s.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
    }
    JobConfig cfg =
        new JobConfig(
            file,
            path(root, "leveranser", base, file, true),
            path(root, "warehouse", base, file, true),
            bool(root.path("create-warehouse"), false, file, "create-warehouse"),
            path(root, "output", base, file, true),
            path(root, "befolkning", base, file, false),
            path(root, "key-file", base, file, false),
            List.copyOf(periods),
            integer(root.path("look-back-years"), 3, 0, file, "look-back-years"),
            integer(root.path("suppression").path("min-cell"), 5, 1, file, "suppression.min-cell"),
            number(
                root.path("ingest").path("max-rejected-percent"),
                5,
                file,
                "ingest.max-rejected-percent"),
            integer(root.path("retention").path("keep-runs"), 14, 1, file, "retention.keep-runs"),
            bool(root.path("reports"), true, file, "reports"),
            root.path("spark").path("master").isMissingNode()
                ? null
                : root.path("spark").path("master").asText(),
            Map.copyOf(settings));
    cfg.reportPeriods(LocalDate.now());
    return cfg;
  }

  /** A job for the demo folder: deliveries, warehouse and output under {@code dir}. */
  public static JobConfig demo(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    return new JobConfig(
        d.resolve("demo-jobb.yaml"),
        d.resolve("leveranser"),
        d.resolve("warehouse"),
        true,
        d.resolve("ut"),
        d.resolve("befolkning.csv"),
        d.resolve("nyckel.txt"),
        DEFAULT_PERIODS,
        3,
        5,
        5,
        14,
        true,
        null,
        Map.of());
  }

  /** This job with another Spark master (the CLI flag wins over the file). */
  public JobConfig withMaster(String master) {
    return master == null
        ? this
        : new JobConfig(
            file,
            leveranser,
            warehouse,
            createWarehouse,
            output,
            befolkning,
            keyFile,
            periods,
            lookBackYears,
            minCell,
            maxRejectedPercent,
            keepRuns,
            reports,
            master,
            sparkSettings);
  }

  /** This job allowed to start a new warehouse when there is none (the CLI flag). */
  public JobConfig withCreateWarehouse() {
    return new JobConfig(
        file,
        leveranser,
        warehouse,
        true,
        output,
        befolkning,
        keyFile,
        periods,
        lookBackYears,
        minCell,
        maxRejectedPercent,
        keepRuns,
        reports,
        sparkMaster,
        sparkSettings);
  }

  /** The report periods on {@code today}: named periods are resolved against it. */
  public List<ReportingPeriod> reportPeriods(LocalDate today) {
    List<ReportingPeriod> result = new ArrayList<>();
    for (String p : periods) {
      result.add(
          switch (p) {
            case "current-year-to-date" ->
                ReportingPeriod.parse(today.withDayOfYear(1) + ".." + today);
            case "previous-year" -> ReportingPeriod.year(today.getYear() - 1);
            case "previous-quarter" -> {
              LocalDate d = today.minusMonths(3);
              yield ReportingPeriod.quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
            }
            default -> {
              try {
                yield ReportingPeriod.parse(p);
              } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                    "Jobbfilen " + file + ": nyckeln periods: " + e.getMessage());
              }
            }
          });
    }
    return result;
  }

  private static void checkKeys(JsonNode node, String prefix, Path file) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String key = prefix.isEmpty() ? name : prefix + "." + name;
      if (!KEYS.contains(key)) {
        throw new ConfigurationException("Jobbfilen " + file + ": okänd nyckel " + key);
      }
      JsonNode child = node.get(name);
      if (child.isObject() && !key.equals("spark.settings")) {
        checkKeys(child, key, file);
      }
    }
  }

  private static Path path(JsonNode root, String key, Path base, Path file, boolean required) {
    JsonNode n = root.path(key);
    if (n.isMissingNode() || n.isNull() || n.asText().isBlank()) {
      if (required) {
        throw new ConfigurationException("Jobbfilen " + file + ": nyckeln " + key + " saknas");
      }
      return null;
    }
    return base.resolve(n.asText()).normalize();
  }

  private static int integer(JsonNode n, int dflt, int min, Path file, String key) {
    if (n.isMissingNode()) {
      return dflt;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min) {
      throw bad(file, key, "ett heltal ≥ " + min, n);
    }
    return n.asInt();
  }

  private static double number(JsonNode n, double dflt, Path file, String key) {
    if (n.isMissingNode()) {
      return dflt;
    }
    if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 100) {
      throw bad(file, key, "ett tal mellan 0 och 100", n);
    }
    return n.asDouble();
  }

  private static boolean bool(JsonNode n, boolean dflt, Path file, String key) {
    if (n.isMissingNode()) {
      return dflt;
    }
    if (!n.isBoolean()) {
      throw bad(file, key, "true eller false", n);
    }
    return n.asBoolean();
  }

  private static ConfigurationException bad(Path file, String key, String expected, JsonNode v) {
    return new ConfigurationException(
        "Jobbfilen "
            + file
            + ": nyckeln "
            + key
            + " ska vara "
            + expected
            + ", inte "
            + v.toString());
  }
}
