package se.stockholm.sigstat.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.stockholm.sigstat.aggregation.AggregatedTable;
import se.stockholm.sigstat.aggregation.Cell;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/**
 * The six ways an intruder got hidden counts back from the line-by-line rule ("at least two
 * suppressed per line"), each as a small hand-made table: published with the pattern that rule
 * gave, the audit recovers the hidden count; protected by {@link DisclosureControl}, it does not.
 */
class DisclosureControlTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final FrequencyRule K5 = new FrequencyRule(5);

  private static ProtectedTable protect(AggregatedTable t) {
    return new DisclosureControl(MODEL, K5).protect(t);
  }

  private static AuditResult audit(ProtectedTable t) {
    return new DisclosureAudit(MODEL, K5).check(t);
  }

  private static Map<CellKey, CellStatus> statuses(ProtectedTable t) {
    Map<CellKey, CellStatus> m = new HashMap<>();
    t.cells().forEach(c -> m.put(c.key(), c.status()));
    return m;
  }

  private static Map<CellKey, CellStatus> hidden(CellStatus s, CellKey... keys) {
    Map<CellKey, CellStatus> m = new HashMap<>();
    for (CellKey k : keys) {
      m.put(k, s);
    }
    return m;
  }

  @Test
  void leak1AktuellaMinusPagaendeGivesAHiddenAvslutade() {
    HandMadeTable h =
        new HandMadeTable()
            .reportPeriod("2025")
            .count("AKTUELLA", 20)
            .count("AVSLUTADE", 3)
            .count("PAGAENDE_VID_SLUT", 17);
    ProtectedTable oldRule = h.published(hidden(CellStatus.PRIMARY, h.key("AVSLUTADE", "")));
    AuditResult found = audit(oldRule);
    assertThat(found.recovered()).isEqualTo(1);
    assertThat(found.findings()).anyMatch(f -> f.contains("(= 3)") && f.contains("AVSLUTADE"));

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(statuses(t))
        .containsEntry(h.key("AVSLUTADE", ""), CellStatus.PRIMARY)
        .containsEntry(h.key("AKTUELLA", ""), CellStatus.SAFE)
        .containsEntry(h.key("PAGAENDE_VID_SLUT", ""), CellStatus.SECONDARY);
  }

  @Test
  void leak1AktuellaMinusPagaendeTheDayBeforeGivesAHiddenNya() {
    HandMadeTable h =
        new HandMadeTable()
            .trendPeriod("2024")
            .count("PAGAENDE_VID_SLUT", 27)
            .reportPeriod("2025")
            .count("AKTUELLA", 30)
            .count("NYA", 3);
    AuditResult found = audit(h.published(hidden(CellStatus.PRIMARY, h.key("NYA", ""))));
    assertThat(found.findings()).anyMatch(f -> f.contains("(= 3)") && f.contains("NYA"));

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(statuses(t)).containsEntry(h.key("AKTUELLA", ""), CellStatus.SAFE);
  }

  @Test
  void leak2AYearMinusItsPublishedQuartersGivesTheHiddenQuarter() {
    HandMadeTable h = new HandMadeTable().reportPeriod("2025").count("NYA", 20);
    int[] quarters = {5, 6, 3, 6};
    for (int q = 1; q <= 4; q++) {
      h.trendPeriod("2025-K" + q).count("NYA", quarters[q - 1]);
    }
    h.trendPeriod("2025-K3");
    CellKey third = h.key("NYA", "");
    assertThat(audit(h.published(hidden(CellStatus.PRIMARY, third))).findings())
        .anyMatch(f -> f.contains("(= 3)"));

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(statuses(t)).containsEntry(third, CellStatus.PRIMARY);
    // The report year is kept; a quarter of the trend series (cheaper) is hidden instead.
    assertThat(statuses(t))
        .containsEntry(
            new CellKey("2025", "NYA", "", "STHLM", "ALLA", "ALLA", "ALLA"), CellStatus.SAFE);
    assertThat(t.suppressedCount()).isEqualTo(2);
  }

  /** Changes on the 0/1 scale of våldsutsatthet: 3 × +1, 5 × 0, 2 × −1. */
  private static HandMadeTable zeroOneDomain() {
    String d = "VALDSUTSATTHET";
    return new HandMadeTable()
        .reportPeriod("2025")
        .count("FORANDRING_PAR", d, 10)
        .share("FORBATTRAD", d, 3, 10)
        .share("OFORANDRAD", d, 5, 10)
        .share("FORSAMRAD", d, 2, 10)
        .mean(d, 1, 1, 1, 0, 0, 0, 0, 0, -1, -1)
        .derived("FORANDRING_P", d, 0.79, null, 10.0)
        .plainShare("UPPFOLJNINGSGRAD", d, 10, 12);
  }

  @Test
  void leak3AMeanAndItsIntervalGiveTheHiddenImprovedAndWorseCounts() {
    HandMadeTable h = zeroOneDomain();
    String d = "VALDSUTSATTHET";
    // The line rule: förbättrad and försämrad both primary, so the pairs line "has two".
    ProtectedTable oldRule =
        h.published(
            hidden(
                CellStatus.PRIMARY,
                h.key("FORBATTRAD", d),
                h.key("FORSAMRAD", d),
                h.key("FORANDRING_P", d)));
    AuditResult found = audit(oldRule);
    assertThat(found.recovered()).isEqualTo(2);
    assertThat(found.findings())
        .anyMatch(f -> f.contains("(= 3)") && f.contains("FORBATTRAD"))
        .anyMatch(f -> f.contains("(= 2)") && f.contains("FORSAMRAD"));

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(statuses(t).get(h.key("FORANDRING_MEDEL", d)).isSuppressed()).isTrue();
    assertThat(statuses(t)).containsEntry(h.key("FORANDRING_PAR", d), CellStatus.SAFE);
  }

  @Test
  void leak4HoursPerPersonGiveAwayAHiddenInsatsCount() {
    HandMadeTable h =
        new HandMadeTable()
            .reportPeriod("2025")
            .count("AKTUELLA", 50)
            .plainShare("INSATS_INDIVIDER", "LOTS", 3, 50)
            .derived("INSATS_TIMMAR_PER_INDIVID", "LOTS", 2.0, 100.0, 50.0);
    ProtectedTable oldRule =
        h.published(hidden(CellStatus.PRIMARY, h.key("INSATS_INDIVIDER", "LOTS")));
    assertThat(audit(oldRule).findings())
        .anyMatch(f -> f.startsWith("publicerad cell visar ett prickat antal"));

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(statuses(t))
        .containsEntry(h.key("INSATS_TIMMAR_PER_INDIVID", "LOTS"), CellStatus.PRIMARY)
        .containsEntry(h.key("AKTUELLA", ""), CellStatus.SAFE);
  }

  /** Aktuella at the city by verksamhet × kön; nobody with kön Övrigt. */
  private static HandMadeTable activityByGender() {
    HandMadeTable h = new HandMadeTable().reportPeriod("2025");
    String[] activities = {"SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE", "ALLA"};
    int[][] km = {{3, 10}, {6, 20}, {7, 15}, {16, 45}};
    for (int a = 0; a < 4; a++) {
      h.at("STHLM", activities[a], "K").count("AKTUELLA", km[a][0]);
      h.at("STHLM", activities[a], "M").count("AKTUELLA", km[a][1]);
      h.at("STHLM", activities[a], "OVRIGT").count("AKTUELLA", 0);
      h.at("STHLM", activities[a], "ALLA").count("AKTUELLA", km[a][0] + km[a][1]);
    }
    return h;
  }

  @Test
  void leak5AnEmptySiblingAsTheSecondSuppressionProtectsNothing() {
    HandMadeTable h = activityByGender();
    CellKey small = h.at("STHLM", "SIG_UNGA", "K").key("AKTUELLA", "");
    CellKey zero = h.at("STHLM", "SIG_UNGA", "OVRIGT").key("AKTUELLA", "");
    Map<CellKey, CellStatus> pattern = hidden(CellStatus.PRIMARY, small);
    pattern.put(zero, CellStatus.SECONDARY);
    // Övrigt's zeros along verksamhet give the hidden zero back, and with it the 3.
    assertThat(audit(h.published(pattern)).findings())
        .anyMatch(f -> f.contains("(= 3)") && f.contains("SIG_UNGA K"));

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(statuses(t)).containsEntry(zero, CellStatus.ZERO);
  }

  /** Recovered by bounds: hidden counts whose feasible range holds one value. */
  private static java.util.BitSet pinnedByBounds(ProtectedTable t) {
    LinkedTables linked =
        LinkedTables.of(
            t.cells().stream().map(ProtectedCell::key).toList(), t.periods(), t.indelning(), MODEL);
    return RangeCheck.recovered(linked, t.cells(), MODEL, 5);
  }

  @Test
  void twoPrimaryCountsThatMustFillATotalArePinnedByBoundsAndTheProtectionFreesThem() {
    // City, kön Övrigt by verksamhet: 0 + 4 + 4 = 8. Verksamhet is a line where a person can be
    // in two parts, so it gives only 8 ≤ sum; with both 4s hidden as P (at most 4), both are 4.
    HandMadeTable h = new HandMadeTable().reportPeriod("2025");
    String[] activities = {"SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE", "ALLA"};
    int[][] kmo = {{30, 60, 0}, {40, 150, 4}, {6, 38, 4}, {76, 248, 8}};
    for (int a = 0; a < 4; a++) {
      int[] v = kmo[a];
      h.at("STHLM", activities[a], "K").count("AKTUELLA", v[0]);
      h.at("STHLM", activities[a], "M").count("AKTUELLA", v[1]);
      h.at("STHLM", activities[a], "OVRIGT").count("AKTUELLA", v[2]);
      h.at("STHLM", activities[a], "ALLA").count("AKTUELLA", v[0] + v[1] + v[2]);
    }
    Map<CellKey, CellStatus> pattern =
        hidden(
            CellStatus.PRIMARY,
            h.at("STHLM", "SIG_UNGA_VUXNA", "OVRIGT").key("AKTUELLA", ""),
            h.at("STHLM", "AVHOPPARE", "OVRIGT").key("AKTUELLA", ""));
    pattern.put(h.at("STHLM", "SIG_UNGA_VUXNA", "ALLA").key("AKTUELLA", ""), CellStatus.SECONDARY);
    pattern.put(h.at("STHLM", "AVHOPPARE", "ALLA").key("AKTUELLA", ""), CellStatus.SECONDARY);
    ProtectedTable linearOnly = h.published(pattern);
    assertThat(pinnedByBounds(linearOnly).cardinality()).isEqualTo(4);
    assertThat(audit(linearOnly).findings())
        .filteredOn(f -> f.startsWith("prickat antal kan avgränsas till ett enda värde"))
        .hasSize(4);
    assertThat(audit(linearOnly).recovered()).isEqualTo(4);

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(pinnedByBounds(t).cardinality()).isZero();
  }

  /** Aktuella per district × kön; Övrigt in Bromma is 2. */
  private static HandMadeTable districtsByGender(Map<String, int[]> kmo) {
    HandMadeTable h = new HandMadeTable().reportPeriod("2025");
    int[] city = new int[3];
    for (String d :
        MODEL.districts().validOn(java.time.LocalDate.of(2026, 11, 24)).stream()
            .map(x -> x.code())
            .toList()) {
      int[] v = kmo.getOrDefault(d, new int[] {10, 40, 5});
      String[] genders = {"K", "M", "OVRIGT"};
      for (int g = 0; g < 3; g++) {
        h.at(d, "ALLA", genders[g]).count("AKTUELLA", v[g]);
        city[g] += v[g];
      }
      h.at(d, "ALLA", "ALLA").count("AKTUELLA", v[0] + v[1] + v[2]);
    }
    h.at("STHLM", "ALLA", "K").count("AKTUELLA", city[0]);
    h.at("STHLM", "ALLA", "M").count("AKTUELLA", city[1]);
    h.at("STHLM", "ALLA", "OVRIGT").count("AKTUELLA", city[2]);
    h.at("STHLM", "ALLA", "ALLA").count("AKTUELLA", city[0] + city[1] + city[2]);
    return h;
  }

  @Test
  void leak5TwoSuppressedPerLineIsNotEnoughWhenTheLinesAreSolvedTogether() {
    Map<String, int[]> values = new HashMap<>();
    values.put("FARSTA", new int[] {8, 30, 6});
    values.put("BROMMA", new int[] {9, 25, 2});
    values.put("SKARPNACK", new int[] {7, 20, 6});
    values.put("SODERMALM", new int[] {10, 35, 8});
    HandMadeTable h = districtsByGender(values);
    // Every line has two or more suppressed cells: two rectangles joined by Bromma's Övrigt.
    Map<CellKey, CellStatus> pattern = new HashMap<>();
    for (String[] dk :
        new String[][] {
          {"FARSTA", "K"},
          {"FARSTA", "M"},
          {"BROMMA", "K"},
          {"BROMMA", "M"},
          {"SKARPNACK", "OVRIGT"},
          {"SKARPNACK", "ALLA"},
          {"SODERMALM", "OVRIGT"},
          {"SODERMALM", "ALLA"}
        }) {
      pattern.put(h.at(dk[0], "ALLA", dk[1]).key("AKTUELLA", ""), CellStatus.SECONDARY);
    }
    pattern.put(h.at("BROMMA", "ALLA", "OVRIGT").key("AKTUELLA", ""), CellStatus.PRIMARY);
    assertThat(audit(h.published(pattern)).findings())
        .anyMatch(f -> f.contains("(= 2)") && f.contains("BROMMA ALLA OVRIGT"));

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
  }

  @Test
  void leak6TheEpisodeTotalOfExitReasonsGivesAHiddenAvslutade() {
    HandMadeTable h =
        new HandMadeTable()
            .reportPeriod("2025")
            .count("AVSLUTADE", 4)
            .plainShare("AVSLUT_ORSAK", "ALLA", 4, 4);
    // One episode per person: the episodes' total is the persons' count.
    assertThat(audit(h.published(hidden(CellStatus.PRIMARY, h.key("AVSLUTADE", "")))).findings())
        .anyMatch(f -> f.contains("(= 4)") && f.contains("AVSLUTADE"));

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(statuses(t).get(h.key("AVSLUT_ORSAK", "ALLA")).isSuppressed()).isTrue();
  }

  @Test
  void aSmallOvrigtHidesTheDistrictTotalNotItsWomenOrMen() {
    Map<String, int[]> values = new HashMap<>();
    values.put("BROMMA", new int[] {9, 25, 2});
    values.put("FARSTA", new int[] {12, 30, 3});
    ProtectedTable t = protect(districtsByGender(values).table());
    assertThat(audit(t).findings()).isEmpty();
    for (ProtectedCell c : t.cells()) {
      if (c.key().gender().equals("K") || c.key().gender().equals("M")) {
        assertThat(c.status()).as(c.key().toString()).isEqualTo(CellStatus.SAFE);
      }
    }
    assertThat(statuses(t))
        .containsEntry(
            new CellKey("2025", "AKTUELLA", "", "BROMMA", "ALLA", "ALLA", "ALLA"),
            CellStatus.SECONDARY);
  }

  /** As {@link #pinnedByBounds}, for an intruder who sees that every line adds up exactly. */
  private static java.util.BitSet pinnedKnowingTheLinesAddUp(ProtectedTable t, HandMadeTable h) {
    List<CellKey> keys = t.cells().stream().map(ProtectedCell::key).toList();
    LinkedTables linked = LinkedTables.of(keys, t.periods(), t.indelning(), MODEL);
    Map<CellKey, ProtectedCell> all = new HashMap<>();
    h.table().cells().forEach(c -> all.put(c.key(), ProtectedCell.of(c, CellStatus.SAFE)));
    double[] truth = PublishedFigures.approximate(linked, keys.stream().map(all::get).toList());
    return RangeCheck.recovered(linked, t.cells(), MODEL, 5, truth);
  }

  @Test
  void primaryFlagsThatPinTheirCountsAreShownAsSecondary() {
    // Övrigt is 1 in four districts and 4 in the city; the district line adds up exactly. Four
    // cells flagged P (at least 1 each) under a city total flagged P (at most 4): each is 1,
    // whatever else is hidden. The flag gives it away, so it is withheld.
    Map<String, int[]> values = new HashMap<>();
    for (String d : List.of("BROMMA", "FARSTA", "SKARPNACK", "SODERMALM")) {
      values.put(d, new int[] {10, 40, 1});
    }
    for (String d : List.of("KUNGSHOLMEN", "JARVA", "SKARHOLMEN", "NORRA_INNERSTADEN")) {
      values.put(d, new int[] {10, 40, 0});
    }
    for (String d : List.of("HASSELBY_VALLINGBY", "ENSKEDE_ARSTA_VANTOR", "HAGERSTEN_ALVSJO")) {
      values.put(d, new int[] {10, 40, 0});
    }
    HandMadeTable h = districtsByGender(values);
    Map<CellKey, CellStatus> flagged = new HashMap<>();
    for (String d : List.of("BROMMA", "FARSTA", "SKARPNACK", "SODERMALM", "STHLM")) {
      flagged.put(h.at(d, "ALLA", "OVRIGT").key("AKTUELLA", ""), CellStatus.PRIMARY);
      flagged.put(h.at(d, "ALLA", "ALLA").key("AKTUELLA", ""), CellStatus.SECONDARY);
    }
    assertThat(pinnedKnowingTheLinesAddUp(h.published(flagged), h).cardinality()).isPositive();

    ProtectedTable t = protect(h.table());
    assertThat(audit(t).findings()).isEmpty();
    assertThat(pinnedKnowingTheLinesAddUp(t, h).cardinality()).isZero();
    assertThat(statuses(t))
        .containsEntry(h.at("BROMMA", "ALLA", "OVRIGT").key("AKTUELLA", ""), CellStatus.SECONDARY);
  }

  @Test
  void aCostIndexOfAnhorigstodGivesAwayTheCitysRelatives() {
    // The index divides by the sum of the districts' aktuella: for anhörigstöd, its relatives.
    HandMadeTable h = new HandMadeTable().reportPeriod("2025");
    h.at("BROMMA", "ANHORIGSTOD", "ALLA").count("ANHORIGA_AKTUELLA", "ALLA", 27);
    h.at("STHLM", "ANHORIGSTOD", "ALLA").count("ANHORIGA_AKTUELLA", "ALLA", 270);
    h.at("BROMMA", "ANHORIGSTOD", "ALLA").derived("KOSTNADSINDEX", "", 96.7, null, null);
    AggregatedTable t = h.table();
    List<CellKey> keys = t.cells().stream().map(c -> c.key()).toList();
    LinkedTables linked = LinkedTables.of(keys, t.periods(), t.indelning(), MODEL);
    int index = keys.indexOf(h.at("BROMMA", "ANHORIGSTOD", "ALLA").key("KOSTNADSINDEX", ""));
    int city = keys.indexOf(h.at("STHLM", "ANHORIGSTOD", "ALLA").key("ANHORIGA_AKTUELLA", "ALLA"));
    assertThat(linked.revealed(index)).contains(linked.own(city));
  }

  @Test
  void withKOneNothingIsSuppressed() {
    ProtectedTable t =
        new DisclosureControl(MODEL, new FrequencyRule(1)).protect(zeroOneDomain().table());
    assertThat(t.suppressedCount()).isZero();
    assertThat(t.minCell()).isEqualTo(1);
  }

  @Test
  void theSameTableGivesTheSamePatternWhateverTheOrderOfItsCells() {
    Map<String, int[]> values = new HashMap<>();
    values.put("BROMMA", new int[] {9, 30, 2});
    values.put("FARSTA", new int[] {2, 30, 6});
    values.put("KUNGSHOLMEN", new int[] {14, 40, 1});
    AggregatedTable table = districtsByGender(values).table();
    Map<CellKey, CellStatus> first = statuses(protect(table));
    List<Cell> shuffled = new ArrayList<>(table.cells());
    Collections.shuffle(shuffled, new Random(7));
    Map<CellKey, CellStatus> second =
        statuses(
            protect(
                new AggregatedTable(
                    shuffled, table.periods(), table.reportPeriods(), table.indelning())));
    assertThat(second).isEqualTo(first);
    assertThat(first.values()).contains(CellStatus.PRIMARY, CellStatus.SECONDARY);
  }
}
