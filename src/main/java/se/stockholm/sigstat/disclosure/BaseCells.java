package se.stockholm.sigstat.disclosure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;

/** For each cell, the position of the count it reveals (its measure's base), or -1. */
final class BaseCells {
  private BaseCells() {}

  static int[] of(List<CellKey> keys, FollowUpModel model) {
    Map<CellKey, Integer> position = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      position.put(keys.get(i), i);
    }
    Map<String, Measure> measures = new HashMap<>();
    model.measures().forEach(m -> measures.put(m.code(), m));
    int[] base = new int[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      CellKey k = keys.get(i);
      Measure m = measures.get(k.measure());
      base[i] = -1;
      if (m == null || m.base() == null) {
        continue;
      }
      CellKey b;
      if (k.activity().equals(Dimensions.RELATIVES) && m.base().equals("AKTUELLA")) {
        b = k.withMeasure("ANHORIGA_AKTUELLA", Dimensions.ALL);
      } else {
        Measure bm = measures.get(m.base());
        String cat =
            m.baseCategory() != null
                ? m.baseCategory()
                : bm.categoryList() != null ? k.category() : Dimensions.NO_CATEGORY;
        b = k.withMeasure(m.base(), cat);
      }
      base[i] = position.getOrDefault(b, -1);
    }
    return base;
  }
}
