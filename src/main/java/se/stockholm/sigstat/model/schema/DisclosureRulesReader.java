package se.stockholm.sigstat.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.model.DisclosureRules;
import se.stockholm.sigstat.model.FigureRef;

/** Reads data-schema/disclosure.yaml: relations an intruder can use, and suppression costs. */
final class DisclosureRulesReader {
  private static final String FILE = "disclosure.yaml";

  private DisclosureRulesReader() {}

  static DisclosureRules read(JsonNode root) {
    JsonNode rel = root.path("relations");
    List<String> lineDimensions = texts(rel.path("lines").path("dimensions"));
    List<DisclosureRules.Partition> partitions = new ArrayList<>();
    for (JsonNode p : rel.path("partitions")) {
      List<FigureRef> parts = new ArrayList<>();
      p.path("parts").forEach(x -> parts.add(ref(x.asText())));
      partitions.add(
          new DisclosureRules.Partition(
              ref(DataSchemaLoader.required(p, "total", FILE + " partitions")), parts));
    }
    List<DisclosureRules.SameCell> sameCell = new ArrayList<>();
    for (JsonNode s : rel.path("sameCell")) {
      List<DisclosureRules.Term> terms = new ArrayList<>();
      for (JsonNode t : s.path("terms")) {
        String text = t.asText().trim();
        int sign = text.startsWith("-") ? -1 : 1;
        String figure = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        terms.add(new DisclosureRules.Term(sign, ref(figure)));
      }
      sameCell.add(
          new DisclosureRules.SameCell(
              DataSchemaLoader.required(s, "name", FILE + " sameCell"),
              terms,
              s.path("exact").asBoolean(false)));
    }
    JsonNode periods = rel.path("periods");
    JsonNode sf = periods.path("stockFlow");
    DisclosureRules.StockFlow stockFlow =
        sf.isMissingNode()
            ? null
            : new DisclosureRules.StockFlow(
                DataSchemaLoader.required(sf, "current", FILE + " stockFlow"),
                DataSchemaLoader.required(sf, "stock", FILE + " stockFlow"),
                DataSchemaLoader.required(sf, "inflow", FILE + " stockFlow"));
    JsonNode h = rel.path("changeHistogram");
    DisclosureRules.ChangeHistogram histogram =
        h.isMissingNode()
            ? null
            : new DisclosureRules.ChangeHistogram(
                ref(DataSchemaLoader.required(h, "improved", FILE + " changeHistogram")),
                ref(DataSchemaLoader.required(h, "worse", FILE + " changeHistogram")),
                ref(DataSchemaLoader.required(h, "sum", FILE + " changeHistogram")),
                ref(DataSchemaLoader.required(h, "sumOfSquares", FILE + " changeHistogram")));
    List<FigureRef> categorySums = new ArrayList<>();
    for (String figure : texts(rel.path("lines").path("categorySums"))) {
      categorySums.add(ref(figure));
    }
    return new DisclosureRules(
        lineDimensions,
        texts(rel.path("lines").path("inexact")),
        categorySums,
        partitions,
        sameCell,
        texts(periods.path("stocks")),
        texts(periods.path("flows")),
        stockFlow,
        histogram,
        costs(root.path("costs")));
  }

  private static DisclosureRules.Costs costs(JsonNode c) {
    Map<String, Double> measures = new LinkedHashMap<>();
    c.path("measures").fields().forEachRemaining(e -> measures.put(e.getKey(), weight(e)));
    Map<String, Map<String, Double>> coordinates = new LinkedHashMap<>();
    c.path("coordinates")
        .fields()
        .forEachRemaining(
            d -> {
              Map<String, Double> w = new LinkedHashMap<>();
              d.getValue().fields().forEachRemaining(e -> w.put(e.getKey(), weight(e)));
              coordinates.put(d.getKey(), w);
            });
    return new DisclosureRules.Costs(
        measures,
        coordinates,
        c.path("trendPeriod").asDouble(1.0),
        c.path("publishedZero").asDouble(1e6));
  }

  private static double weight(Map.Entry<String, JsonNode> e) {
    double w = e.getValue().asDouble(Double.NaN);
    if (!(w > 0)) {
      throw new IllegalArgumentException(
          "Cost weight of " + e.getKey() + " in " + FILE + " must be a positive number");
    }
    return w;
  }

  private static FigureRef ref(String text) {
    return FigureRef.parse(text, FILE);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
