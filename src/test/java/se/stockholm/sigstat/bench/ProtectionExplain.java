package se.stockholm.sigstat.bench;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.disclosure.CellStatus;
import se.stockholm.sigstat.disclosure.LinkedTables;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.disclosure.linear.SparseRow;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.publish.StatistikFiles;

/**
 * Why a cell of a protected run is suppressed: publishes it on top of the run's pattern and shows
 * which hidden count an intruder could then compute, with the combination of relations.
 */
public final class ProtectionExplain {
  private ProtectionExplain() {}

  public static void main(String[] args) throws Exception {
    StatistikFiles.Published p = StatistikFiles.read(Path.of(args[0]));
    String[] k = args[1].split(",", -1);
    CellKey target = new CellKey(k[0], k[1], k[2], k[3], k[4], k[5], k[6]);
    List<ProtectedCell> cells = p.cells();
    LinkedTables linked =
        LinkedTables.of(
            cells.stream().map(ProtectedCell::key).toList(),
            p.periods(),
            p.indelning(),
            DataSchemaLoader.load());
    int n = linked.figures().size();
    int[] published = new int[n];
    BitSet primary = new BitSet();
    int targetIndex = -1;
    for (int c = 0; c < cells.size(); c++) {
      CellStatus s = cells.get(c).status();
      boolean show =
          !s.isSuppressed() && s != CellStatus.EMPTY || cells.get(c).key().equals(target);
      if (cells.get(c).key().equals(target)) {
        targetIndex = c;
      }
      if (show) {
        for (int f : linked.revealed(c)) {
          published[f]++;
        }
      }
      if (s == CellStatus.PRIMARY) {
        for (int f : linked.own(c)) {
          primary.set(f);
        }
      }
    }
    System.out.println("target cell " + target + " index " + targetIndex);
    BitSet unknown = new BitSet();
    for (int f = 0; f < n; f++) {
      if (published[f] == 0) {
        unknown.set(f);
      }
    }
    Map<Integer, SparseRow> found = linked.recoverability().determined(unknown, primary);
    for (Map.Entry<Integer, SparseRow> e : found.entrySet()) {
      System.out.println("computable: " + linked.figures().get(e.getKey()));
      SparseRow r = e.getValue();
      for (int i = 0; i < r.size(); i++) {
        System.out.println("   " + r.value(i) + " × " + linked.figures().get(r.column(i)));
      }
      break;
    }
    if (found.isEmpty()) {
      System.out.println("nothing computable: the cell could be published");
    }
  }
}
