package se.stockholm.sigstat.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.model.FigureRef;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * Names the figures of data-schema at concrete coordinates: the counts a cell owns, the figures it
 * reveals (measures.yaml) and the figures a relation ties together (disclosure.yaml).
 */
final class FigureResolver {
  private final FollowUpModel model;
  private final Map<String, ReportingPeriod> periods;

  FigureResolver(FollowUpModel model, Map<String, ReportingPeriod> periods) {
    this.model = model;
    this.periods = periods;
  }

  /** The counts the cell owns: hidden with it when it is suppressed. */
  List<FigureKey> own(CellKey k) {
    Measure m = model.measure(k.measure());
    List<FigureKey> own = new ArrayList<>();
    for (String field : m.counts()) {
      own.add(at(anchor(k), m, field, null, null));
    }
    return own;
  }

  /** Everything the published cell gives away: its own counts and what measures.yaml says. */
  List<FigureKey> revealed(CellKey k) {
    List<FigureKey> all = new ArrayList<>(own(k));
    FigureKey anchor = anchor(k);
    for (FigureRef r : model.measure(k.measure()).reveals()) {
      FigureKey f = revealedAt(anchor, r);
      if (!all.contains(f)) {
        all.add(f);
      }
    }
    return all;
  }

  /**
   * What a reveal names at a cell: as {@link #resolve}, except that a participants' count named by
   * a cell of anhörigstöd means the relatives' count (measures.yaml relativesCount).
   */
  private FigureKey revealedAt(FigureKey anchor, FigureRef ref) {
    Measure target = model.measure(ref.measure());
    if (anchor.activity().equals(Dimensions.RELATIVES)
        && target.activities() == Measure.Activities.PARTICIPANTS
        && model.relativesCount() != null) {
      FigureRef count = model.relativesCount();
      // Keep the reveal's district: a cost index gives away the city's count too.
      return resolve(
          anchor,
          new FigureRef(
              count.measure(),
              count.field(),
              count.category(),
              ref.district() != null ? ref.district() : count.district()));
    }
    return resolve(anchor, ref);
  }

  /** The figure {@code ref} names at the coordinates of {@code anchor}. */
  FigureKey resolve(FigureKey anchor, FigureRef ref) {
    Measure target = model.measure(ref.measure());
    String field = ref.field() != null ? ref.field() : target.ownCount();
    return at(anchor, target, field, ref.category(), ref.district());
  }

  private FigureKey at(
      FigureKey anchor, Measure m, String field, String category, String district) {
    String cat = category;
    if (cat == null) {
      List<String> cats = model.categories(m);
      cat = cats.size() == 1 ? cats.get(0) : anchor.category();
    }
    boolean stock = model.disclosure().stocks().contains(m.code());
    return new FigureKey(
        m.code() + "." + field,
        stock ? null : anchor.start(),
        anchor.end(),
        cat,
        district != null ? district : anchor.district(),
        anchor.activity(),
        anchor.gender(),
        anchor.ageBand());
  }

  /** The coordinates of a cell as a figure key without a name (the cell's measure's start). */
  FigureKey anchor(CellKey k) {
    ReportingPeriod p = periods.get(k.period());
    if (p == null) {
      throw new IllegalArgumentException("Period " + k.period() + " is not in the table");
    }
    return new FigureKey(
        k.measure() + ".",
        p.start(),
        p.end(),
        k.category(),
        k.district(),
        k.activity(),
        k.gender(),
        k.ageBand());
  }

  /** The coordinates of a figure with another period's dates. */
  static FigureKey atPeriod(FigureKey f, LocalDate start, LocalDate end) {
    return f.withPeriod(f.start() == null ? null : start, end);
  }
}
