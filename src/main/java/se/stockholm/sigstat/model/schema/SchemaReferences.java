package se.stockholm.sigstat.model.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.stockholm.sigstat.model.DisclosureRules;
import se.stockholm.sigstat.model.FigureRef;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.PublishedTable;

/**
 * Checks that every name data-schema uses across files exists: the measures and figures of
 * tables.yaml, measures.yaml's reveals and disclosure.yaml's relations. A wrong name stops the
 * program at start-up instead of publishing a table that is silently unprotected.
 */
final class SchemaReferences {
  /** The count fields a figure can name (statistik's columns, and the sums behind a mean). */
  static final Set<String> FIELDS = Set.of("varde", "taljare", "namnare", "summa", "kvadratsumma");

  private static final Set<String> DIMENSIONS =
      Set.of("stadsdel", "verksamhet", "kon", "aldersgrupp", "kategori");

  private SchemaReferences() {}

  static void check(FollowUpModel model) {
    for (Measure m : model.measures()) {
      for (String f : m.counts()) {
        field(f, "measures.yaml " + m.code() + " counts");
      }
      m.reveals().forEach(r -> figure(model, r, "measures.yaml " + m.code() + " reveals"));
    }
    if (model.relativesCount() != null) {
      figure(model, model.relativesCount(), "measures.yaml relativesCount");
    }
    List<String> published = new ArrayList<>();
    for (PublishedTable t : model.tables()) {
      String where = "tables.yaml " + t.id();
      for (String d : t.breakdown()) {
        if (!DIMENSIONS.contains(d)) {
          throw new IllegalArgumentException("Unknown dimension " + d + " in " + where);
        }
      }
      for (String code : t.measures()) {
        Measure m = measure(model, code, where);
        boolean categoriesWithoutTotal = m.categoryList() != null && m.totalCategory() == null;
        if (categoriesWithoutTotal && !t.breakdown().contains("kategori")) {
          throw new IllegalArgumentException(
              code + " has no total over its categories: " + where + " must break down kategori");
        }
        published.add(code);
      }
    }
    DisclosureRules r = model.disclosure();
    for (String d : r.lineDimensions()) {
      if (!DIMENSIONS.contains(d)) {
        throw new IllegalArgumentException("Unknown dimension " + d + " in disclosure.yaml lines");
      }
    }
    for (String d : r.inexactLineDimensions()) {
      if (!r.lineDimensions().contains(d)) {
        throw new IllegalArgumentException(
            "disclosure.yaml lines inexact: " + d + " is not one of the line dimensions");
      }
    }
    String where = "disclosure.yaml";
    r.categorySums().forEach(x -> figure(model, x, where + " lines categorySums"));
    r.partitions()
        .forEach(
            p -> {
              figure(model, p.total(), where);
              p.parts().forEach(x -> figure(model, x, where));
            });
    r.sameCell().forEach(s -> s.terms().forEach(t -> figure(model, t.figure(), where)));
    r.stocks().forEach(s -> measure(model, s, where));
    r.flows().forEach(s -> measure(model, s, where));
    if (r.stockFlow() != null) {
      measure(model, r.stockFlow().current(), where);
      measure(model, r.stockFlow().stock(), where);
      measure(model, r.stockFlow().inflow(), where);
    }
    if (r.changeHistogram() != null) {
      DisclosureRules.ChangeHistogram h = r.changeHistogram();
      List.of(h.improved(), h.worse(), h.sum(), h.sumOfSquares())
          .forEach(x -> figure(model, x, where));
    }
    r.costs().measures().keySet().forEach(code -> measure(model, code, where + " costs"));
    for (Measure m : model.measures()) {
      if (!published.contains(m.code())) {
        throw new IllegalArgumentException(
            "Measure " + m.code() + " of measures.yaml is in no table of tables.yaml");
      }
    }
  }

  private static Measure measure(FollowUpModel model, String code, String where) {
    return model.measures().stream()
        .filter(m -> m.code().equals(code))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("Unknown measure " + code + " in " + where));
  }

  private static void figure(FollowUpModel model, FigureRef ref, String where) {
    Measure m = measure(model, ref.measure(), where);
    if (ref.field() != null) {
      field(ref.field(), where);
    } else if (m.ownCount() == null) {
      throw new IllegalArgumentException(
          ref + " in " + where + " names a measure without a count: name its field");
    }
    if (ref.category() != null && !model.categories(m).contains(ref.category())) {
      throw new IllegalArgumentException(
          ref + " in " + where + ": " + m.code() + " has no kategori " + ref.category());
    }
  }

  private static void field(String f, String where) {
    if (!FIELDS.contains(f)) {
      throw new IllegalArgumentException("Unknown count field " + f + " in " + where);
    }
  }
}
