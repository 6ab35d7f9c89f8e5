package se.stockholm.sigstat.disclosure.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental solver against hand-made lines and against a full elimination on random ones. */
class IncrementalSolverTest {
  private static SparseRow row(int[] cols, long[] coefs) {
    return SparseRow.of(cols, coefs);
  }

  @Test
  void aLineWithOneProtectedPartNeedsASecondHiddenCell() {
    // 0 = total − a − b − c; a is protected.
    List<SparseRow> line = List.of(row(new int[] {0, 1, 2, 3}, new long[] {1, -1, -1, -1}));
    BitSet unknown = new BitSet();
    unknown.set(0, 4);
    BitSet prot = new BitSet();
    prot.set(1);
    IncrementalSolver s = new IncrementalSolver(line, unknown, prot, new int[4]);
    assertThat(s.tryMakeKnown(new int[] {0})).isTrue();
    assertThat(s.tryMakeKnown(new int[] {2})).isTrue();
    assertThat(s.tryMakeKnown(new int[] {3})).as("the last part would give a back").isFalse();
    assertThat(s.tryMakeKnown(new int[] {1})).as("a itself is never published").isFalse();
  }

  @Test
  void aRefusedCellChangesNothing() {
    // Two lines sharing b: t1 = a + b, t2 = b + c; a protected.
    List<SparseRow> lines =
        List.of(
            row(new int[] {0, 1, 2}, new long[] {1, -1, -1}),
            row(new int[] {3, 2, 4}, new long[] {1, -1, -1}));
    BitSet unknown = new BitSet();
    unknown.set(0, 5);
    BitSet prot = new BitSet();
    prot.set(1);
    IncrementalSolver s = new IncrementalSolver(lines, unknown, prot, new int[5]);
    assertThat(s.tryMakeKnown(new int[] {0})).isTrue();
    // Publishing t2 and c together would give b, then a: refused, and rolled back whole.
    assertThat(s.tryMakeKnown(new int[] {3, 4, 2})).isFalse();
    assertThat(s.tryMakeKnown(new int[] {3})).isTrue();
    assertThat(s.tryMakeKnown(new int[] {4})).isFalse();
  }

  /**
   * On random systems of ±1 relations, publishing in a random order with the solver never lets a
   * protected quantity be computed (checked by a full elimination from scratch), and whatever it
   * refused would have let one be computed.
   */
  @Test
  void agreesWithAFullEliminationOnRandomSystems() {
    Random rnd = new Random(11);
    int refused = 0;
    int accepted = 0;
    for (int trial = 0; trial < 300; trial++) {
      int n = 6 + rnd.nextInt(14);
      List<SparseRow> relations = new ArrayList<>();
      int m = 2 + rnd.nextInt(n);
      for (int r = 0; r < m; r++) {
        int k = 2 + rnd.nextInt(4);
        int[] cols = new int[k];
        long[] coefs = new long[k];
        for (int i = 0; i < k; i++) {
          cols[i] = rnd.nextInt(n);
          coefs[i] = rnd.nextBoolean() ? 1 : -1 - rnd.nextInt(2);
        }
        SparseRow row = SparseRow.of(cols, coefs);
        if (row.size() >= 2) {
          relations.add(row);
        }
      }
      BitSet prot = new BitSet();
      prot.set(rnd.nextInt(n));
      prot.set(rnd.nextInt(n));
      BitSet unknown = new BitSet();
      unknown.set(0, n);
      Recoverability full = new Recoverability(relations, n);
      if (!full.determined(unknown, prot).isEmpty()) {
        continue; // protected quantities computable from the relations alone: nothing to protect
      }
      int[] rank = new int[n];
      for (int i = 0; i < n; i++) {
        rank[i] = rnd.nextInt(n);
      }
      IncrementalSolver s = new IncrementalSolver(relations, unknown, prot, rank);
      BitSet known = new BitSet();
      for (int q = 0; q < n; q++) {
        if (prot.get(q)) {
          continue;
        }
        boolean ok = s.tryMakeKnown(new int[] {q});
        BitSet after = new BitSet();
        after.set(0, n);
        after.andNot(known);
        after.clear(q);
        boolean leaks = !full.determined(after, prot).isEmpty();
        assertThat(ok).as("trial %d, quantity %d", trial, q).isEqualTo(!leaks);
        if (ok) {
          known.set(q);
          accepted++;
        } else {
          refused++;
        }
      }
    }
    assertThat(refused).isGreaterThan(100);
    assertThat(accepted).isGreaterThan(1000);
  }
}
