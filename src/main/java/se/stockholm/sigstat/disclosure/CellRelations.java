package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.model.DisclosureRules;
import se.stockholm.sigstat.model.FigureRef;
import se.stockholm.sigstat.model.FollowUpModel;

/**
 * Relations within one cell: partitions (pairs = förbättrad + oförändrad + försämrad) and sameCell.
 */
final class CellRelations {
  private CellRelations() {}

  static void add(
      List<FigureKey> figures, FollowUpModel model, FigureResolver resolver, RelationSink sink) {
    DisclosureRules rules = model.disclosure();
    for (DisclosureRules.Partition p : rules.partitions()) {
      List<DisclosureRules.Term> terms = new ArrayList<>();
      terms.add(new DisclosureRules.Term(1, p.total()));
      p.parts().forEach(x -> terms.add(new DisclosureRules.Term(-1, x)));
      add("delar av " + p.total(), terms, RelationKind.EXACT, figures, model, resolver, sink);
    }
    for (DisclosureRules.SameCell s : rules.sameCell()) {
      // Inexact: a person can be both avslutad and pågående (a new episode), or have two
      // episodes.
      RelationKind kind = s.exact() ? RelationKind.EXACT : RelationKind.AT_MOST;
      add(s.name(), s.terms(), kind, figures, model, resolver, sink);
    }
  }

  /** One relation per figure of the anchor term (the first term that is not a stock). */
  private static void add(
      String name,
      List<DisclosureRules.Term> terms,
      RelationKind kind,
      List<FigureKey> figures,
      FollowUpModel model,
      FigureResolver resolver,
      RelationSink sink) {
    DisclosureRules.Term anchorTerm =
        terms.stream()
            .filter(t -> !model.disclosure().stocks().contains(t.figure().measure()))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("Relation " + name + " has only stocks"));
    FigureRef a = anchorTerm.figure();
    for (FigureKey f : figures) {
      if (!f.equals(resolver.resolve(f, a))) {
        continue;
      }
      List<FigureKey> keys = new ArrayList<>();
      List<Long> coefficients = new ArrayList<>();
      for (DisclosureRules.Term t : terms) {
        keys.add(resolver.resolve(f, t.figure()));
        coefficients.add((long) t.coefficient());
      }
      sink.add(name, keys, coefficients, kind);
    }
  }
}
