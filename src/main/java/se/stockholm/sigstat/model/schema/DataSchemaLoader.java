package se.stockholm.sigstat.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.model.Code;
import se.stockholm.sigstat.model.CodeList;
import se.stockholm.sigstat.model.ColumnSpec;
import se.stockholm.sigstat.model.ColumnType;
import se.stockholm.sigstat.model.DisclosureRules;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.DistrictStructure;
import se.stockholm.sigstat.model.FigureRef;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.LifeDomain;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.MeasureKind;
import se.stockholm.sigstat.model.MergerRule;
import se.stockholm.sigstat.model.PublishedTable;

/**
 * Loads {@code data-schema/} into a {@link FollowUpModel}.
 *
 * <p>The schema shipped in the jar is used unless {@code SIGSTAT_DATA_SCHEMA} (environment) or
 * {@code sigstat.data-schema} (system property) names a folder, so the city can replace code lists
 * and districts without a rebuild.
 */
public final class DataSchemaLoader {
  /** Environment variable naming a data-schema folder that replaces the built-in one. */
  public static final String SCHEMA_DIR_ENV = "SIGSTAT_DATA_SCHEMA";

  /** Code list built from districts.yaml rather than code-lists.yaml. */
  public static final String DISTRICT_CODE_LIST = "stadsdel";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static volatile FollowUpModel defaultModel;

  private DataSchemaLoader() {}

  /** The model from the configured location, loaded once per JVM. */
  public static FollowUpModel load() {
    FollowUpModel model = defaultModel;
    if (model == null) {
      synchronized (DataSchemaLoader.class) {
        if (defaultModel == null) {
          String dir = System.getProperty("sigstat.data-schema", System.getenv(SCHEMA_DIR_ENV));
          defaultModel =
              dir == null || dir.isBlank() ? fromClasspath() : fromReplacement(Path.of(dir));
        }
        model = defaultModel;
      }
    }
    return model;
  }

  /**
   * The city's replacement model: a mistake in it is the operator's to fix (exit 2), not a failed
   * run; the built-in model is checked by the build.
   */
  private static FollowUpModel fromReplacement(Path dir) {
    try {
      return fromDirectory(dir);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ConfigurationException(
          "Datamodellen i "
              + dir
              + " ("
              + SCHEMA_DIR_ENV
              + ") går inte att använda: "
              + e.getMessage(),
          e);
    }
  }

  public static FollowUpModel fromDirectory(Path dir) {
    return build(
        name -> {
          Path file = dir.resolve(name);
          if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Missing data-schema file " + file);
          }
          return Files.newInputStream(file);
        });
  }

  public static FollowUpModel fromClasspath() {
    return build(
        name -> {
          InputStream in = DataSchemaLoader.class.getResourceAsStream("/data-schema/" + name);
          if (in == null) {
            throw new IllegalStateException("data-schema/" + name + " is not on the classpath");
          }
          return in;
        });
  }

  @FunctionalInterface
  private interface Source {
    InputStream open(String name) throws IOException;
  }

  private static JsonNode read(Source source, String name) {
    try (InputStream in = source.open(name)) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read data-schema/" + name, e);
    }
  }

  private static FollowUpModel build(Source source) {
    DistrictStructure districts = districts(read(source, "districts.yaml"));
    Map<String, CodeList> codeLists = codeLists(read(source, "code-lists.yaml"));
    MergerRule merger = districts.mergerRule();
    for (String reason : List.of(merger.transferReason(), merger.openEndReason())) {
      CodeList exits = codeLists.get("avslutsorsak");
      if (exits == null || !exits.contains(reason)) {
        throw new IllegalArgumentException(
            "districts.yaml mergerRule names " + reason + ", not in code list avslutsorsak");
      }
    }
    List<Code> districtCodes = new ArrayList<>();
    for (District d : districts.all()) {
      districtCodes.add(new Code(d.code(), d.name(), null, null));
    }
    codeLists.put(DISTRICT_CODE_LIST, new CodeList(DISTRICT_CODE_LIST, "Stadsdel", districtCodes));
    JsonNode files = read(source, "files.yaml");
    List<FileSpec> delivery = fileSpecs(files.path("files"), codeLists);
    List<FileSpec> reference = fileSpecs(files.path("reference"), codeLists);
    List<LifeDomain> domains = lifeDomains(read(source, "life-domains.yaml"), codeLists);
    JsonNode measuresRoot = read(source, "measures.yaml");
    List<Measure> measures = measures(measuresRoot, codeLists);
    FigureRef relativesCount =
        measuresRoot.hasNonNull("relativesCount")
            ? FigureRef.parse(measuresRoot.get("relativesCount").asText(), "measures.yaml")
            : null;
    List<PublishedTable> tables = PublishedTablesReader.read(read(source, "tables.yaml"));
    DisclosureRules disclosure = DisclosureRulesReader.read(read(source, "disclosure.yaml"));
    FollowUpModel model =
        new FollowUpModel(
            List.copyOf(delivery),
            List.copyOf(reference),
            Map.copyOf(codeLists),
            domains,
            districts,
            measures,
            relativesCount,
            tables,
            disclosure);
    SchemaReferences.check(model);
    return model;
  }

  private static DistrictStructure districts(JsonNode root) {
    List<District> list = new ArrayList<>();
    for (JsonNode n : root.path("districts")) {
      list.add(
          new District(
              required(n, "code", "districts.yaml"),
              required(n, "name", "districts.yaml"),
              LocalDate.parse(required(n, "validFrom", "districts.yaml")),
              optionalDate(n, "validTo"),
              text(n, "successor")));
    }
    JsonNode city = root.path("cityTotal");
    JsonNode merger = root.path("mergerRule");
    String where = "districts.yaml mergerRule";
    return new DistrictStructure(
        list,
        required(city, "code", "districts.yaml cityTotal"),
        required(city, "name", "districts.yaml cityTotal"),
        new MergerRule(
            required(merger, "transferReason", where),
            Integer.parseInt(required(merger, "maxGapDays", where)),
            required(merger, "openEndReason", where)));
  }

  private static Map<String, CodeList> codeLists(JsonNode root) {
    Map<String, CodeList> lists = new LinkedHashMap<>();
    root.path("codeLists")
        .fields()
        .forEachRemaining(
            e -> {
              List<Code> codes = new ArrayList<>();
              for (JsonNode c : e.getValue().path("codes")) {
                codes.add(
                    new Code(
                        required(c, "code", "code list " + e.getKey()),
                        required(c, "label", "code list " + e.getKey()),
                        c.hasNonNull("from") ? c.get("from").asInt() : null,
                        c.hasNonNull("to") ? c.get("to").asInt() : null));
              }
              lists.put(
                  e.getKey(),
                  new CodeList(e.getKey(), text(e.getValue(), "label"), List.copyOf(codes)));
            });
    return lists;
  }

  private static List<FileSpec> fileSpecs(JsonNode files, Map<String, CodeList> codeLists) {
    List<FileSpec> specs = new ArrayList<>();
    for (JsonNode f : files) {
      String name = required(f, "name", "files.yaml");
      List<ColumnSpec> columns = new ArrayList<>();
      for (JsonNode c : f.path("columns")) {
        String where = "files.yaml " + name;
        ColumnType type = ColumnType.fromSchemaName(required(c, "type", where));
        String codeList = text(c, "codeList");
        if (type == ColumnType.CODE
            && !codeLists.containsKey(codeList)
            && !DISTRICT_CODE_LIST.equals(codeList)) {
          throw new IllegalArgumentException(
              "Unknown code list " + codeList + " for column " + text(c, "name") + " in " + where);
        }
        columns.add(
            new ColumnSpec(
                required(c, "name", where),
                type,
                c.path("required").asBoolean(false),
                codeList,
                c.hasNonNull("maxLength") ? c.get("maxLength").asInt() : null,
                c.hasNonNull("min") ? c.get("min").asDouble() : null,
                required(c, "label", where),
                text(c, "description")));
      }
      List<String> key = new ArrayList<>();
      f.path("key").forEach(k -> key.add(k.asText()));
      JsonNode ref = f.path("references");
      specs.add(
          new FileSpec(
              name,
              required(f, "file", "files.yaml " + name),
              f.path("required").asBoolean(false),
              required(f, "label", "files.yaml " + name),
              text(f, "description"),
              List.copyOf(key),
              ref.isMissingNode() ? null : text(ref, "column"),
              ref.isMissingNode() ? null : text(ref, "file"),
              List.copyOf(columns)));
    }
    return specs;
  }

  private static List<Measure> measures(JsonNode root, Map<String, CodeList> codeLists) {
    List<Measure> measures = new ArrayList<>();
    for (JsonNode m : root.path("measures")) {
      String code = required(m, "code", "measures.yaml");
      String where = "measures.yaml " + code;
      String categoryList = text(m, "categoryList");
      if (categoryList != null && !codeLists.containsKey(categoryList)) {
        throw new IllegalArgumentException("Unknown code list " + categoryList + " in " + where);
      }
      MeasureKind kind =
          MeasureKind.valueOf(required(m, "kind", where).toUpperCase(java.util.Locale.ROOT));
      List<String> counts = new ArrayList<>();
      m.path("counts").forEach(c -> counts.add(c.asText()));
      if (!m.has("counts")) {
        counts.addAll(kind.defaultCounts());
      }
      List<FigureRef> reveals = new ArrayList<>();
      m.path("reveals").forEach(r -> reveals.add(FigureRef.parse(r.asText(), where)));
      String activities = text(m, "activities");
      measures.add(
          new Measure(
              code,
              required(m, "label", where),
              required(m, "definition", where),
              required(m, "unit", where),
              kind,
              counts,
              reveals,
              categoryList,
              text(m, "lineTotal"),
              text(m, "categoryTotal"),
              activities == null
                  ? Measure.Activities.PARTICIPANTS
                  : Measure.Activities.valueOf(
                      activities.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))));
    }
    return List.copyOf(measures);
  }

  private static List<LifeDomain> lifeDomains(JsonNode root, Map<String, CodeList> codeLists) {
    CodeList domainCodes = codeLists.get("livsomrade");
    List<LifeDomain> domains = new ArrayList<>();
    for (JsonNode d : root.path("lifeDomains")) {
      String code = required(d, "code", "life-domains.yaml");
      if (domainCodes == null || !domainCodes.contains(code)) {
        throw new IllegalArgumentException(
            "Life domain " + code + " in life-domains.yaml is not in code list livsomrade");
      }
      String better = required(d, "betterIs", "life-domains.yaml " + code);
      if (!better.equals("higher") && !better.equals("lower")) {
        throw new IllegalArgumentException(
            "betterIs must be higher or lower, not "
                + better
                + " (life-domains.yaml "
                + code
                + ")");
      }
      domains.add(
          new LifeDomain(
              code, d.path("min").asInt(), d.path("max").asInt(), better.equals("higher")));
    }
    return List.copyOf(domains);
  }

  static String required(JsonNode node, String field, String where) {
    String value = text(node, field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing '" + field + "' in " + where);
    }
    return value;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static LocalDate optionalDate(JsonNode node, String field) {
    String v = text(node, field);
    return v == null || v.isBlank() ? null : LocalDate.parse(v);
  }
}
