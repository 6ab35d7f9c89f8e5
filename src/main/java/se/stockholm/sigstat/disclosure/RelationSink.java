package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.stockholm.sigstat.disclosure.linear.SparseRow;

/** Collects relations between existing figures as sparse rows, each with a readable name. */
final class RelationSink {
  private final Map<FigureKey, Integer> ids;
  private final List<SparseRow> rows = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<RelationKind> kinds = new ArrayList<>();
  private final Set<List<Integer>> seen = new HashSet<>();

  RelationSink(Map<FigureKey, Integer> ids) {
    this.ids = ids;
  }

  /** The figure's id, or -1 when no published cell has it. */
  int id(FigureKey f) {
    Integer id = ids.get(f);
    return id == null ? -1 : id;
  }

  /**
   * Adds Σ coefficient × figure = 0 if every figure exists and it is not a copy of a relation
   * already added.
   */
  void add(String name, List<FigureKey> figures, List<Long> coefficients) {
    add(name, figures, coefficients, RelationKind.EXACT);
  }

  /** As {@link #add(String, List, List)}, with how exactly the relation holds. */
  void add(String name, List<FigureKey> figures, List<Long> coefficients, RelationKind kind) {
    int[] cols = new int[figures.size()];
    long[] coefs = new long[figures.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = id(figures.get(i));
      if (cols[i] < 0) {
        return;
      }
      coefs[i] = coefficients.get(i);
    }
    SparseRow row = SparseRow.of(cols, coefs);
    if (row.size() < 2) {
      return;
    }
    List<Integer> signature = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      signature.add(row.column(i));
      signature.add(row.value(i).hashCode());
    }
    if (seen.add(signature)) {
      rows.add(row);
      names.add(name);
      kinds.add(kind);
    }
  }

  List<SparseRow> rows() {
    return rows;
  }

  List<RelationKind> kinds() {
    return kinds;
  }

  List<String> names() {
    return names;
  }
}
