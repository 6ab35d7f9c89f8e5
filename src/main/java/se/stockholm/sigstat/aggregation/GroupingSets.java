package se.stockholm.sigstat.aggregation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.stockholm.sigstat.model.PublishedTable;

/**
 * The grouping sets an aggregation needs: every subset of the breakdown of every published table
 * that holds one of its measures (a table's totals come from the subsets), and nothing more.
 */
public final class GroupingSets {
  private GroupingSets() {}

  /**
   * @param trendOnly true for the periods of the trend series that are not report periods: only
   *     tables published for every period count
   */
  public static List<List<String>> of(
      List<PublishedTable> tables, Collection<String> measures, boolean trendOnly) {
    Set<List<String>> sets = new LinkedHashSet<>();
    for (PublishedTable t : tables) {
      if (t.measures().stream().noneMatch(measures::contains) || trendOnly && !t.coversTrend()) {
        continue;
      }
      sets.addAll(cube(t.breakdown()));
    }
    return List.copyOf(sets);
  }

  /** Every subset of the dimensions, each in statistik's column order. */
  public static List<List<String>> cube(List<String> dimensions) {
    List<String> ordered = ordered(dimensions);
    List<List<String>> sets = new ArrayList<>();
    for (int mask = 0; mask < (1 << ordered.size()); mask++) {
      List<String> set = new ArrayList<>();
      for (int i = 0; i < ordered.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          set.add(ordered.get(i));
        }
      }
      sets.add(List.copyOf(set));
    }
    return sets;
  }

  /** The sets without a dimension that the aggregation keeps grouped anyway (kategori). */
  public static List<List<String>> without(List<List<String>> sets, String dimension) {
    Set<List<String>> out = new LinkedHashSet<>();
    for (List<String> s : sets) {
      List<String> copy = new ArrayList<>(s);
      copy.remove(dimension);
      out.add(List.copyOf(copy));
    }
    return List.copyOf(out);
  }

  /** Every dimension that occurs in any of the sets, in statistik's column order. */
  public static List<String> dimensions(List<List<String>> sets) {
    Set<String> all = new LinkedHashSet<>();
    sets.forEach(all::addAll);
    return ordered(all);
  }

  private static List<String> ordered(Collection<String> dims) {
    List<String> out = new ArrayList<>();
    for (String d : Dimensions.KEY_ORDER) {
      if (dims.contains(d)) {
        out.add(d);
      }
    }
    return out;
  }
}
