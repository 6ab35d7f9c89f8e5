package se.stockholm.sigstat.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.stockholm.sigstat.failure.ConfigurationException;

/**
 * Reads a job file of jobs/ (YAML) into a {@link Settings.Builder}, checked on load: every key is
 * known, every value of the right kind, and a mistake names the file and the key. Relative paths
 * are resolved against the job file's folder.
 */
public final class JobFile {
  /** Keys a job file may have ("a.b" for nested keys). */
  static final Set<String> KEYS =
      Set.of(
          "deliveries",
          "warehouse",
          "create-warehouse",
          "output",
          "population",
          "key-file",
          "periods",
          "district-structure",
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

  /** Swedish keys of earlier versions, still read so that existing job files keep working. */
  public static final Map<String, String> ALIASES =
      Map.of("leveranser", "deliveries", "befolkning", "population");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private JobFile() {}

  /** Reads {@code file} on top of {@code settings} (the defaults). */
  static Settings.Builder read(Path file, Settings.Builder settings) {
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
    Map<String, JsonNode> values = new LinkedHashMap<>();
    collect(root, "", file, values);
    JobFile.Reader r = new Reader(file, values);
    Path base = file.toAbsolutePath().getParent();
    return settings
        .jobFile(file)
        .deliveries(r.path("deliveries", base))
        .warehouse(r.path("warehouse", base))
        .createWarehouseFromFile(r.bool("create-warehouse", false))
        .output(r.path("output", base))
        .population(r.path("population", base))
        .keyFile(r.path("key-file", base))
        .periods(r.periods(), r.origin("periods"))
        .districtStructure(r.date("district-structure"))
        .lookBackYears(r.integer("look-back-years"), r.origin("look-back-years"))
        .minCell(r.integer("suppression.min-cell"), r.origin("suppression.min-cell"))
        .maxRejectedPercent(
            r.number("ingest.max-rejected-percent"), r.origin("ingest.max-rejected-percent"))
        .keepRuns(r.integer("retention.keep-runs"), r.origin("retention.keep-runs"))
        .reports(r.values.containsKey("reports") ? r.bool("reports", true) : null)
        .sparkMasterFromFile(r.text("spark.master"))
        .sparkSettings(r.sparkSettings());
  }

  /** Flattens the file into "a.b" keys, mapping old names to new and refusing unknown keys. */
  private static void collect(JsonNode node, String prefix, Path file, Map<String, JsonNode> out) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String key = prefix.isEmpty() ? ALIASES.getOrDefault(name, name) : prefix + "." + name;
      if (!KEYS.contains(key)) {
        throw new ConfigurationException("Jobbfilen " + file + ": okänd nyckel " + key);
      }
      if (out.containsKey(key)) {
        throw new ConfigurationException(
            "Jobbfilen "
                + file
                + ": nyckeln "
                + key
                + " står två gånger (även under sitt äldre namn)");
      }
      JsonNode child = node.get(name);
      out.put(key, child);
      if (child.isObject() && !key.equals("spark.settings")) {
        collect(child, key, file, out);
      }
    }
  }

  /** Typed access to the flattened values, with errors that name the file and the key. */
  private record Reader(Path file, Map<String, JsonNode> values) {
    String origin(String key) {
      return "Jobbfilen " + file + ": nyckeln " + key;
    }

    Path path(String key, Path base) {
      JsonNode n = values.get(key);
      if (n == null || n.isNull() || n.asText().isBlank()) {
        return null;
      }
      return base.resolve(n.asText()).normalize();
    }

    String text(String key) {
      JsonNode n = values.get(key);
      return n == null || n.isNull() ? null : n.asText();
    }

    Integer integer(String key) {
      JsonNode n = values.get(key);
      if (n == null) {
        return null;
      }
      if (!n.canConvertToInt() || !n.isIntegralNumber()) {
        throw Settings.invalid(origin(key), "ett heltal", n);
      }
      return n.asInt();
    }

    Double number(String key) {
      JsonNode n = values.get(key);
      if (n == null) {
        return null;
      }
      if (!n.isNumber()) {
        throw Settings.invalid(origin(key), "ett tal mellan 0 och 100", n);
      }
      return n.asDouble();
    }

    boolean bool(String key, boolean dflt) {
      JsonNode n = values.get(key);
      if (n == null) {
        return dflt;
      }
      if (!n.isBoolean()) {
        throw Settings.invalid(origin(key), "true eller false", n);
      }
      return n.asBoolean();
    }

    java.time.LocalDate date(String key) {
      String t = text(key);
      if (t == null) {
        return null;
      }
      try {
        return java.time.LocalDate.parse(t);
      } catch (java.time.format.DateTimeParseException e) {
        throw Settings.invalid(origin(key), "ett datum ÅÅÅÅ-MM-DD", t);
      }
    }

    List<String> periods() {
      JsonNode p = values.get("periods");
      if (p == null) {
        return null;
      }
      if (!p.isArray() || p.isEmpty()) {
        throw Settings.invalid(origin("periods"), "en lista med minst en period", p);
      }
      List<String> periods = new ArrayList<>();
      p.forEach(n -> periods.add(n.asText()));
      return periods;
    }

    Map<String, String> sparkSettings() {
      JsonNode s = values.get("spark.settings");
      if (s == null) {
        return null;
      }
      if (!s.isObject()) {
        throw Settings.invalid(origin("spark.settings"), "en mappning nyckel: värde", s);
      }
      Map<String, String> settings = new LinkedHashMap<>();
      s.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
      return settings;
    }
  }
}
