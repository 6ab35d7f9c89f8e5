package se.stockholm.sigstat.intruder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intruder on tables small enough to check by hand: two known leaks and one safe pattern. */
class IntruderTest {

  @TempDir Path dir;

  private static final String HEADER =
      "period,period_start,period_slut,indelning,matt,kategori,stadsdel,verksamhet,kon,"
          + "aldersgrupp,varde,taljare,namnare,ki_lag,ki_hog,status,preliminar";

  /** AKTUELLA by stadsdel (A, B, STHLM) and kön (K, M, ALLA): {value, status} per cell. */
  private String table(int[][] values, String[][] status, boolean protect) {
    String[] districts = {"A", "B", "STHLM"};
    String[] sexes = {"K", "M", "ALLA"};
    List<String> rows = new ArrayList<>(List.of(HEADER));
    for (int d = 0; d < 3; d++) {
      for (int s = 0; s < 3; s++) {
        String st = protect ? status[d][s] : "S";
        boolean hidden = st.equals("P") || st.equals("M");
        rows.add(
            String.join(
                ",",
                "2025",
                "2025-01-01",
                "2025-12-31",
                "2025-12-31",
                "AKTUELLA",
                "",
                districts[d],
                "ALLA",
                sexes[s],
                "ALLA",
                hidden ? "" : String.valueOf(values[d][s]),
                "",
                "",
                "",
                "",
                st,
                "false"));
      }
    }
    return String.join("\n", rows) + "\n";
  }

  private int attack(int[][] values, String[][] status) throws Exception {
    Path prot = dir.resolve("skyddad.csv");
    Path truth = dir.resolve("sann.csv");
    Files.writeString(prot, table(values, status, true));
    Files.writeString(truth, table(values, status, false));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int recovered =
        new Intruder(5, new PrintStream(buf, true, StandardCharsets.UTF_8)).run(prot, truth);
    Files.writeString(dir.resolve("rapport.txt"), buf.toString(StandardCharsets.UTF_8));
    return recovered;
  }

  private static final int[][] VALUES = {{10, 20, 30}, {30, 40, 70}, {40, 60, 100}};

  @Test
  void aSingleHiddenCellInALineIsRecovered() throws Exception {
    String[][] status = {{"M", "S", "S"}, {"S", "S", "S"}, {"S", "S", "S"}};
    assertThat(attack(VALUES, status)).isEqualTo(1);
  }

  @Test
  void twoSmallCountsThatMustBothBeKMinusOneAreRecoveredByBounds() throws Exception {
    // A.K + B.K = 8 is published (STHLM.K); each is a primary 1..4, so both are 4.
    int[][] values = {{4, 20, 24}, {4, 40, 44}, {8, 60, 68}};
    String[][] status = {{"P", "S", "M"}, {"P", "S", "M"}, {"S", "S", "S"}};
    assertThat(attack(values, status)).isEqualTo(4);
  }

  @Test
  void aHiddenRectangleOfLargeCountsIsSafe() throws Exception {
    String[][] status = {{"M", "M", "S"}, {"M", "M", "S"}, {"S", "S", "S"}};
    assertThat(attack(VALUES, status)).isZero();
  }
}
