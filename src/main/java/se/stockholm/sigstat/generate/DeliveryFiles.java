package se.stockholm.sigstat.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;

/** Open writers of one district's delivery. */
final class DeliveryFiles {
  final District district;
  final LocalDate snapshot;
  final ExportStyle style;
  final Map<String, CsvOut> out = new LinkedHashMap<>();
  String lastPeriodId;

  DeliveryFiles(
      FollowUpModel model,
      Path leveranser,
      District district,
      LocalDate snapshot,
      ExportStyle style)
      throws IOException {
    this.district = district;
    this.snapshot = snapshot;
    this.style = style;
    Path dir = leveranser.resolve(district.code()).resolve(snapshot.toString());
    for (FileSpec spec : model.deliveryFiles()) {
      List<String> cols = new ArrayList<>();
      for (var c : spec.columns()) {
        boolean identityColumn =
            c.name().equals("personnummer")
                || c.name().equals("person_ref")
                || c.name().equals("fodelsedatum");
        if (identityColumn && spec.identifiesPersons()) {
          boolean wanted =
              style.personRefOnly()
                  ? !c.name().equals("personnummer")
                  : c.name().equals("personnummer");
          if (!wanted) {
            continue;
          }
        }
        cols.add(c.name());
      }
      if (style.reversedColumns()) {
        java.util.Collections.reverse(cols);
      }
      out.put(spec.name(), new CsvOut(dir.resolve(spec.fileName()), cols, style));
    }
  }

  String label() {
    return district.code() + "/" + snapshot;
  }

  void write(String file, Map<String, String> values) throws IOException {
    CsvOut csv = out.get(file);
    if (values.containsKey("__extra_field__")) {
      List<String> fields = new ArrayList<>();
      for (String c : csv.columns()) {
        fields.add(values.getOrDefault(c, ""));
      }
      fields.add("extra");
      fields.add("falt");
      csv.rawLine(String.join(csv.delimiter(), fields));
      return;
    }
    csv.row(values);
  }

  Map<String, Long> rowCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    out.forEach((k, v) -> m.put(k, v.rows()));
    return m;
  }

  void close() throws IOException {
    for (CsvOut c : out.values()) {
      c.close();
    }
  }
}
