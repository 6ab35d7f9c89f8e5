package se.stockholm.sigstat.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.stockholm.sigstat.model.PublishedTable;

/** Reads data-schema/tables.yaml: the tables a run publishes. */
final class PublishedTablesReader {
  private PublishedTablesReader() {}

  static List<PublishedTable> read(JsonNode root) {
    List<PublishedTable> tables = new ArrayList<>();
    for (JsonNode t : root.path("tables")) {
      String id = DataSchemaLoader.required(t, "id", "tables.yaml");
      String where = "tables.yaml " + id;
      List<String> measures = new ArrayList<>();
      t.path("measures").forEach(m -> measures.add(m.asText()));
      List<String> breakdown = new ArrayList<>();
      t.path("breakdown").forEach(d -> breakdown.add(d.asText()));
      if (measures.isEmpty()) {
        throw new IllegalArgumentException("No measures in " + where);
      }
      tables.add(
          new PublishedTable(
              id,
              DataSchemaLoader.required(t, "label", where),
              measures,
              breakdown,
              PublishedTable.Periods.valueOf(
                  DataSchemaLoader.required(t, "periods", where)
                      .toUpperCase(Locale.ROOT)
                      .replace('-', '_'))));
    }
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("tables.yaml declares no table");
    }
    return List.copyOf(tables);
  }
}
