package se.stockholm.sigstat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of the core aggregation, keyed by measure, kategori, stadsdel and kön: AKTUELLA
 * (distinct persons) and FORBATTRAD (improved pairs over all pairs) per life domain.
 */
final class CoreFigures {
  /** Numerator and denominator of one cell (AKTUELLA has no denominator: 0). */
  record Figure(long value, long base) {}

  private final Map<String, Figure> cells = new TreeMap<>();

  void put(String measure, String category, String district, String gender, long value, long base) {
    cells.put(String.join("|", measure, category, district, gender), new Figure(value, base));
  }

  int size() {
    return cells.size();
  }

  long value(String key) {
    Figure f = cells.get(key);
    return f == null ? 0 : f.value();
  }

  /** Cells where the two disagree (a cell absent on one side counts as 0 of 0). */
  List<String> differences(CoreFigures other) {
    TreeSet<String> keys = new TreeSet<>(cells.keySet());
    keys.addAll(other.cells.keySet());
    List<String> diff = new ArrayList<>();
    Figure zero = new Figure(0, 0);
    for (String k : keys) {
      Figure a = cells.getOrDefault(k, zero);
      Figure b = other.cells.getOrDefault(k, zero);
      if (!Objects.equals(a, b)) {
        diff.add(k + ": " + a + " / " + b);
      }
    }
    return diff;
  }
}
