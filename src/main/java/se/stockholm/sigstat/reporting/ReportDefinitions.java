package se.stockholm.sigstat.reporting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.model.FollowUpModel;

/**
 * Loads the report definitions of reports/ (shipped in the jar, or a folder named by
 * SIGSTAT_REPORTS) and checks them against the model, so a typo fails on load with its file.
 */
public final class ReportDefinitions {
  /** Environment variable naming a folder of report definitions that replaces the built-in. */
  public static final String REPORTS_DIR_ENV = "SIGSTAT_REPORTS";

  /** The built-in definitions, in the order the workbooks are written. */
  public static final List<String> BUILT_IN =
      List.of("stad.yaml", "stadsdel.yaml", "jamforelse.yaml");

  static final Set<String> SHEET_TYPES =
      Set.of("about", "summary", "tables", "gender", "trend", "quality", "data", "comparison");
  static final Set<String> DIMENSIONS =
      Set.of("stadsdel", "verksamhet", "kon", "aldersgrupp", "kategori", "matt");
  static final Set<String> CHARTS =
      Set.of(
          "participants-by-district",
          "outcome-by-domain",
          "trend",
          "cost-per-participant",
          "gender-comparison");
  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ReportDefinitions() {}

  public static List<ReportDefinition> load(FollowUpModel model) {
    String dir = System.getenv(REPORTS_DIR_ENV);
    List<ReportDefinition> defs = new ArrayList<>();
    try {
      if (dir != null && !dir.isBlank()) {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
          for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
            try (InputStream in = Files.newInputStream(f)) {
              defs.add(check(YAML.readValue(in, ReportDefinition.class), f.toString(), model));
            }
          }
        } catch (IOException | IllegalArgumentException e) {
          // The city's own definitions: a mistake there is the operator's to fix (exit 2).
          throw new ConfigurationException(
              "Rapportdefinitionerna i "
                  + dir
                  + " ("
                  + REPORTS_DIR_ENV
                  + ") går inte att använda: "
                  + e.getMessage().lines().findFirst().orElse(""),
              e);
        }
      } else {
        for (String name : BUILT_IN) {
          try (InputStream in = ReportDefinitions.class.getResourceAsStream("/reports/" + name)) {
            if (in == null) {
              throw new IllegalStateException("reports/" + name + " is not on the classpath");
            }
            defs.add(check(YAML.readValue(in, ReportDefinition.class), "reports/" + name, model));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read report definitions: " + e.getMessage(), e);
    }
    return defs;
  }

  static ReportDefinition check(ReportDefinition d, String where, FollowUpModel model) {
    for (ReportDefinition.Sheet s : d.sheets()) {
      String at = where + ", sheet " + s.name();
      require(SHEET_TYPES.contains(s.type()), "Unknown sheet type " + s.type() + " in " + at);
      require(s.name().length() <= 31, "Sheet name longer than 31 characters in " + at);
      s.measures().forEach(model::measure);
      for (String c : s.charts()) {
        require(CHARTS.contains(c), "Unknown chart " + c + " in " + at);
      }
      for (ReportDefinition.Block b : s.blocks()) {
        require(!b.measures().isEmpty(), "A block without measure in " + at);
        b.measures().forEach(model::measure);
        for (String dim : new String[] {b.rows(), b.columns()}) {
          require(
              dim != null && DIMENSIONS.contains(dim), "Unknown dimension " + dim + " in " + at);
        }
        require(
            b.per() == null || DIMENSIONS.contains(b.per()),
            "Unknown dimension " + b.per() + " in " + at);
        require(
            b.field().equals("varde") || b.field().equals("taljare"),
            "field must be varde or taljare in " + at);
      }
    }
    return d;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
