package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.MeasureKind;

/**
 * The additive lines of the table: a total and its parts along one dimension with every other
 * coordinate fixed; kategori for measures whose categories partition a whole; and the measures that
 * partition another (pairs = förbättrad + oförändrad + försämrad). Only counts and the numerators
 * of shares stand on lines.
 */
public final class Lines {
  /** One line: member positions in the table, and which of them is the total (or -1). */
  public record Line(String id, List<Integer> members, int total, String dimension) {}

  private Lines() {}

  public static List<Line> of(List<CellKey> keys, FollowUpModel model, String cityCode) {
    Map<String, Measure> measures = new HashMap<>();
    model.measures().forEach(m -> measures.put(m.code(), m));
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    Map<String, String> dims = new HashMap<>();
    Map<String, Integer> partitionOf = new HashMap<>();
    for (int g = 0; g < model.measurePartitions().size(); g++) {
      for (String m : model.measurePartitions().get(g)) {
        partitionOf.put(m, g);
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      CellKey k = keys.get(i);
      Measure m = measures.get(k.measure());
      if (m == null || !m.kind().isCountLike()) {
        continue;
      }
      List<String> lineDims = new ArrayList<>(Dimensions.CUBE);
      if (m.categoriesPartition()) {
        lineDims.add(Dimensions.CATEGORY);
      }
      for (String dim : lineDims) {
        String id = dim + "|" + k.with(dim, "*");
        members.computeIfAbsent(id, x -> new ArrayList<>()).add(i);
        dims.put(id, dim);
        String total =
            dim.equals(Dimensions.DISTRICT)
                ? cityCode
                : dim.equals(Dimensions.CATEGORY) ? m.lineTotal() : Dimensions.ALL;
        if (k.coordinate(dim).equals(total)) {
          totals.put(id, i);
        }
      }
      Integer g = partitionOf.get(k.measure());
      if (g != null) {
        String id = "partition" + g + "|" + k.withMeasure("*", k.category());
        members.computeIfAbsent(id, x -> new ArrayList<>()).add(i);
        dims.put(id, Dimensions.MEASURE);
        if (model.measurePartitions().get(g).get(0).equals(k.measure())) {
          totals.put(id, i);
        }
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      if (e.getValue().size() >= 2) {
        lines.add(
            new Line(
                e.getKey(),
                List.copyOf(e.getValue()),
                totals.getOrDefault(e.getKey(), -1),
                dims.get(e.getKey())));
      }
    }
    return lines;
  }

  /** The count a cell stands on its lines with: a count's value, a share's numerator. */
  public static double lineValue(MeasureKind kind, Double value, Double numerator) {
    Double v = kind == MeasureKind.COUNT ? value : numerator;
    return v == null ? 0 : v;
  }
}
