package se.stockholm.sigstat.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.aggregation.CubeGrid;
import se.stockholm.sigstat.disclosure.linear.Recoverability;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * The published tables of a run as an intruder sees them: which counts (figures) each cell owns and
 * gives away, and every relation of disclosure.yaml between those figures. Built from the cells'
 * coordinates alone, so protection and audit see the same structure.
 */
public final class LinkedTables {
  private final List<CellKey> cells;
  private final List<FigureKey> figures;
  private final int[][] own;
  private final int[][] revealed;
  private final int[][] revealedBy;
  private final Recoverability recoverability;
  private final List<String> relationNames;
  private final List<RelationKind> kinds;

  private LinkedTables(
      List<CellKey> cells,
      List<FigureKey> figures,
      int[][] own,
      int[][] revealed,
      int[][] revealedBy,
      Recoverability recoverability,
      List<String> relationNames,
      List<RelationKind> kinds) {
    this.cells = cells;
    this.figures = figures;
    this.own = own;
    this.revealed = revealed;
    this.revealedBy = revealedBy;
    this.recoverability = recoverability;
    this.relationNames = relationNames;
    this.kinds = kinds;
  }

  /** The structure of the given cells of a run. */
  public static LinkedTables of(
      List<CellKey> cells,
      Map<String, ReportingPeriod> periods,
      LocalDate indelning,
      FollowUpModel model) {
    FigureResolver resolver = new FigureResolver(model, periods);
    Map<FigureKey, Integer> ids = new LinkedHashMap<>();
    int[][] own = new int[cells.size()][];
    int[][] revealed = new int[cells.size()][];
    for (int c = 0; c < cells.size(); c++) {
      own[c] = ids(resolver.own(cells.get(c)), ids);
      revealed[c] = ids(resolver.revealed(cells.get(c)), ids);
    }
    List<FigureKey> figures = new ArrayList<>(ids.keySet());
    int[] count = new int[figures.size()];
    for (int[] r : revealed) {
      for (int f : r) {
        count[f]++;
      }
    }
    int[][] revealedBy = new int[figures.size()][];
    for (int f = 0; f < figures.size(); f++) {
      revealedBy[f] = new int[count[f]];
    }
    int[] fill = new int[figures.size()];
    for (int c = 0; c < cells.size(); c++) {
      for (int f : revealed[c]) {
        revealedBy[f][fill[f]++] = c;
      }
    }
    RelationSink sink = new RelationSink(ids);
    CubeGrid grid = new CubeGrid(model, indelning);
    LineRelations.add(figures, model, grid, sink);
    CellRelations.add(figures, model, resolver, sink);
    PeriodRelations.add(figures, periods, model, sink);
    ChangeHistogramRelations.add(figures, model, resolver, sink);
    return new LinkedTables(
        List.copyOf(cells),
        List.copyOf(figures),
        own,
        revealed,
        revealedBy,
        new Recoverability(sink.rows(), figures.size()),
        List.copyOf(sink.names()),
        List.copyOf(sink.kinds()));
  }

  private static int[] ids(List<FigureKey> keys, Map<FigureKey, Integer> ids) {
    int[] out = new int[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.computeIfAbsent(keys.get(i), k -> ids.size());
    }
    return out;
  }

  public List<CellKey> cells() {
    return cells;
  }

  public List<FigureKey> figures() {
    return figures;
  }

  /** The figures cell {@code c} owns: what must stay hidden when it is suppressed. */
  public int[] own(int c) {
    return own[c];
  }

  /** Every figure cell {@code c} gives away when published. */
  public int[] revealed(int c) {
    return revealed[c];
  }

  /** The cells that give figure {@code f} away when published. */
  public int[] revealedBy(int f) {
    return revealedBy[f];
  }

  public Recoverability recoverability() {
    return recoverability;
  }

  /** How exactly relation {@code i} holds. */
  RelationKind kind(int i) {
    return kinds.get(i);
  }

  public int relationCount() {
    return relationNames.size();
  }

  public String relationName(int i) {
    return relationNames.get(i);
  }

  /** Figure id by key, for tests and messages. */
  public Map<FigureKey, Integer> index() {
    Map<FigureKey, Integer> m = new HashMap<>();
    for (int i = 0; i < figures.size(); i++) {
      m.put(figures.get(i), i);
    }
    return m;
  }
}
