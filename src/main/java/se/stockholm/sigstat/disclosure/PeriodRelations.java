package se.stockholm.sigstat.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.model.DisclosureRules;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * Relations across periods: a flow (nya, avslutade) over a period is the sum over the published
 * periods that make it up, and aktuella(P) = pågående at the end of the day before P + nya(P).
 * Stocks need no relation of their own: a stock is one figure per day (see {@link FigureKey}).
 */
final class PeriodRelations {
  private PeriodRelations() {}

  /** A period's dates. */
  record Span(LocalDate start, LocalDate end) {}

  static void add(
      List<FigureKey> figures,
      Map<String, ReportingPeriod> periods,
      FollowUpModel model,
      RelationSink sink) {
    DisclosureRules rules = model.disclosure();
    Map<Span, List<Span>> chains = chains(periods);
    DisclosureRules.StockFlow sf = rules.stockFlow();
    for (FigureKey f : figures) {
      if (f.start() == null || !isOwnCount(f, model)) {
        continue;
      }
      if (rules.flows().contains(f.measure())) {
        List<Span> chain = chains.get(new Span(f.start(), f.end()));
        if (chain != null) {
          List<FigureKey> keys = new ArrayList<>();
          List<Long> coefficients = new ArrayList<>();
          keys.add(f);
          coefficients.add(1L);
          for (Span s : chain) {
            keys.add(f.withPeriod(s.start(), s.end()));
            coefficients.add(-1L);
          }
          // A person can be new (or leave) twice in a year, once in each of two quarters.
          sink.add(
              f.measure() + " för perioden = summan av delperioderna",
              keys,
              coefficients,
              RelationKind.LINE);
        }
      }
      if (sf != null && f.measure().equals(sf.current())) {
        FigureKey stock =
            f.withName(sf.stock() + "." + model.measure(sf.stock()).ownCount())
                .withPeriod(null, f.start().minusDays(1));
        FigureKey inflow = f.withName(sf.inflow() + "." + model.measure(sf.inflow()).ownCount());
        sink.add(
            sf.current() + " = " + sf.stock() + " dagen före perioden + " + sf.inflow(),
            List.of(f, stock, inflow),
            List.of(1L, -1L, -1L),
            RelationKind.AT_MOST);
      }
    }
  }

  private static boolean isOwnCount(FigureKey f, FollowUpModel model) {
    return f.field().equals(model.measure(f.measure()).ownCount());
  }

  /**
   * For each period that published periods make up without gaps or overlaps, the finest such chain
   * (a year → its quarters; the year to date → its quarters, the last one cut at the same day).
   */
  static Map<Span, List<Span>> chains(Map<String, ReportingPeriod> periods) {
    List<Span> spans =
        periods.values().stream()
            .map(p -> new Span(p.start(), p.end()))
            .distinct()
            .sorted(Comparator.comparing(Span::start).thenComparing(Span::end))
            .toList();
    Map<Span, List<Span>> chains = new LinkedHashMap<>();
    for (Span whole : spans) {
      List<Span> chain = new ArrayList<>();
      LocalDate cursor = whole.start();
      while (!cursor.isAfter(whole.end())) {
        final LocalDate from = cursor;
        Span next =
            spans.stream()
                .filter(s -> !s.equals(whole) && s.start().equals(from))
                .filter(s -> !s.end().isAfter(whole.end()))
                .min(Comparator.comparing(Span::end))
                .orElse(null);
        if (next == null) {
          chain = null;
          break;
        }
        chain.add(next);
        cursor = next.end().plusDays(1);
      }
      if (chain != null && chain.size() >= 2) {
        chains.put(whole, chain);
      }
    }
    return chains;
  }
}
