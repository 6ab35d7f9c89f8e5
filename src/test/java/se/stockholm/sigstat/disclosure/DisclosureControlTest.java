package se.stockholm.sigstat.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.stockholm.sigstat.aggregation.AggregatedTable;
import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/** Primary and secondary suppression on hand-made tables, and the audit on random ones. */
class DisclosureControlTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final Map<String, ReportingPeriod> PERIODS =
      Map.of("2024", ReportingPeriod.parse("2024"));

  private static CellKey key(String measure, String cat, String district, String kon) {
    return new CellKey("2024", measure, cat, district, "ALLA", kon, "ALLA");
  }

  private static Map<String, CellStatus> statuses(ProtectedTable t) {
    Map<String, CellStatus> m = new LinkedHashMap<>();
    t.cells()
        .forEach(
            c ->
                m.put(
                    c.key().measure() + "/" + c.key().district() + "/" + c.key().gender(),
                    c.status()));
    return m;
  }

  /** Districts D1, D2 and the city, kön K, M and ALLA; counts as given. */
  private static List<Cell> twoByTwo(int d1k, int d1m, int d2k, int d2m) {
    List<Cell> cells = new ArrayList<>();
    int[][] v = {{d1k, d1m}, {d2k, d2m}};
    String[] districts = {"FARSTA", "BROMMA", "STHLM"};
    for (int d = 0; d < 3; d++) {
      int k = d < 2 ? v[d][0] : v[0][0] + v[1][0];
      int m = d < 2 ? v[d][1] : v[0][1] + v[1][1];
      cells.add(new Cell(key("AKTUELLA", "", districts[d], "K"), (double) k, null, null));
      cells.add(new Cell(key("AKTUELLA", "", districts[d], "M"), (double) m, null, null));
      cells.add(new Cell(key("AKTUELLA", "", districts[d], "ALLA"), (double) (k + m), null, null));
    }
    return cells;
  }

  private static ProtectedTable protect(List<Cell> cells, int k) {
    return new DisclosureControl(MODEL, new FrequencyRule(k))
        .protect(new AggregatedTable(cells, PERIODS, LocalDate.of(2024, 12, 31)));
  }

  @Test
  void aSingleSmallCellGetsExactlyThePrescribedSecondarySuppression() {
    // Farsta: K 3 (< 5), M 7; Bromma: K 5, M 5.
    ProtectedTable t = protect(twoByTwo(3, 7, 5, 5), 5);
    Map<String, CellStatus> s = statuses(t);
    // Primary: Farsta K. Along kön in Farsta the smallest other part is M (7). Along districts
    // for K and for M the smallest other part is Bromma's (5). Totals stay published.
    assertThat(s)
        .containsEntry("AKTUELLA/FARSTA/K", CellStatus.PRIMARY)
        .containsEntry("AKTUELLA/FARSTA/M", CellStatus.SECONDARY)
        .containsEntry("AKTUELLA/BROMMA/K", CellStatus.SECONDARY)
        .containsEntry("AKTUELLA/BROMMA/M", CellStatus.SECONDARY)
        .containsEntry("AKTUELLA/FARSTA/ALLA", CellStatus.SAFE)
        .containsEntry("AKTUELLA/BROMMA/ALLA", CellStatus.SAFE)
        .containsEntry("AKTUELLA/STHLM/K", CellStatus.SAFE);
    assertThat(t.suppressedCount()).isEqualTo(4);
    assertThat(t.cells())
        .filteredOn(c -> c.status().isSuppressed())
        .allSatisfy(c -> assertThat(c.value()).isNull());
    assertThat(new DisclosureAudit(MODEL, new FrequencyRule(5)).check(t.cells())).isEmpty();
  }

  @Test
  void withKOneNothingIsSuppressed() {
    ProtectedTable t = protect(twoByTwo(1, 2, 0, 4), 1);
    assertThat(t.suppressedCount()).isZero();
    assertThat(t.minCell()).isEqualTo(1);
    assertThat(statuses(t)).containsEntry("AKTUELLA/BROMMA/K", CellStatus.ZERO);
  }

  @Test
  void valuesDerivedFromASuppressedCountAreSuppressed() {
    List<Cell> cells = twoByTwo(3, 7, 5, 5);
    cells.add(new Cell(key("AKTUELLA_PER_10000", "", "FARSTA", "K"), 30.0, null, 1000.0));
    cells.add(new Cell(key("AKTUELLA_PER_10000", "", "STHLM", "K"), 40.0, null, 2000.0));
    Map<String, CellStatus> s = statuses(protect(cells, 5));
    assertThat(s)
        .containsEntry("AKTUELLA_PER_10000/FARSTA/K", CellStatus.PRIMARY)
        .containsEntry("AKTUELLA_PER_10000/STHLM/K", CellStatus.SAFE);
  }

  @Test
  void theAuditFindsAPublishedSmallCountAndALoneSuppressedCell() {
    ProtectedTable t = protect(twoByTwo(3, 7, 5, 5), 5);
    List<ProtectedCell> tampered = new ArrayList<>();
    for (ProtectedCell c : t.cells()) {
      boolean unprotect = c.key().district().equals("FARSTA") && c.key().gender().equals("M");
      tampered.add(
          unprotect ? new ProtectedCell(c.key(), 7.0, null, null, null, null, CellStatus.SAFE) : c);
    }
    assertThat(new DisclosureAudit(MODEL, new FrequencyRule(5)).check(tampered))
        .anyMatch(f -> f.startsWith("rad med exakt en prickad cell (längs kon)"));
    List<ProtectedCell> small = new ArrayList<>(tampered);
    small.replaceAll(
        c ->
            c.status() == CellStatus.PRIMARY
                ? new ProtectedCell(c.key(), 3.0, null, null, null, null, CellStatus.SAFE)
                : c);
    assertThat(new DisclosureAudit(MODEL, new FrequencyRule(5)).check(small))
        .anyMatch(f -> f.startsWith("publicerat antal 3 < 5"));
  }

  @Test
  void onRandomTablesTheAuditAlwaysPassesAndThePatternIsStable() {
    Random rnd = new Random(42);
    String[] districts = {"FARSTA", "BROMMA", "SKARPNACK", "STHLM"};
    String[] genders = {"K", "M", "OVRIGT", "ALLA"};
    String[] reasons = {"PLANERAT", "AVBRUTET", "FLYTT"};
    for (int round = 0; round < 300; round++) {
      int k = 2 + rnd.nextInt(5);
      int[][] people = new int[3][3];
      int[][][] parts = new int[3][3][3];
      int[][][] exits = new int[3][3][3];
      for (int d = 0; d < 3; d++) {
        for (int g = 0; g < 3; g++) {
          people[d][g] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(15);
          for (int p = 0; p < 3; p++) {
            parts[d][g][p] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(8);
            exits[d][g][p] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(6);
          }
        }
      }
      List<Cell> cells = new ArrayList<>();
      String[] pm = {"FORBATTRAD", "OFORANDRAD", "FORSAMRAD"};
      for (int d = 0; d < 4; d++) {
        for (int g = 0; g < 4; g++) {
          int n = sum(people, d, g);
          cells.add(
              new Cell(key("AKTUELLA", "", districts[d], genders[g]), (double) n, null, null));
        }
      }
      for (int d = 0; d < 4; d++) {
        for (int g = 0; g < 4; g++) {
          int pairs = 0;
          int[] byPart = new int[3];
          for (int p = 0; p < 3; p++) {
            byPart[p] = sum3(parts, d, g, p);
            pairs += byPart[p];
          }
          cells.add(
              new Cell(
                  key("FORANDRING_PAR", "BOENDE", districts[d], genders[g]),
                  (double) pairs,
                  null,
                  null));
          for (int p = 0; p < 3; p++) {
            cells.add(
                new Cell(
                    key(pm[p], "BOENDE", districts[d], genders[g]),
                    pairs == 0 ? null : byPart[p] / (double) pairs,
                    (double) byPart[p],
                    (double) pairs));
          }
        }
      }
      for (int r = 0; r <= 3; r++) {
        for (int d = 0; d < 4; d++) {
          for (int g = 0; g < 4; g++) {
            int all = 0;
            for (int p = 0; p < 3; p++) {
              all += sum3(exits, d, g, p);
            }
            int n = r < 3 ? sum3(exits, d, g, r) : all;
            cells.add(
                new Cell(
                    key("AVSLUT_ORSAK", r < 3 ? reasons[r] : "ALLA", districts[d], genders[g]),
                    all == 0 ? null : n / (double) all,
                    (double) n,
                    (double) all));
          }
        }
      }
      ProtectedTable first = protect(cells, k);
      assertThat(new DisclosureAudit(MODEL, new FrequencyRule(k)).check(first.cells()))
          .as("round " + round + ", k " + k)
          .isEmpty();
      assertThat(protect(cells, k).cells()).isEqualTo(first.cells());
    }
  }

  /** Sum over a leaf grid with index 3 meaning the total of that dimension. */
  private static int sum(int[][] v, int d, int g) {
    int s = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        if ((d == 3 || d == i) && (g == 3 || g == j)) {
          s += v[i][j];
        }
      }
    }
    return s;
  }

  private static int sum3(int[][][] v, int d, int g, int p) {
    int s = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        if ((d == 3 || d == i) && (g == 3 || g == j)) {
          s += v[i][j][p];
        }
      }
    }
    return s;
  }
}
