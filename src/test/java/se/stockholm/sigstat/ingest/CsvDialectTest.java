package se.stockholm.sigstat.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvDialectTest {
  private static final CsvDialect SEMICOLON = new CsvDialect(';');

  @Test
  void unquotedLinesSplitIntoTrimmedFieldsKeepingEmptyOnes() {
    assertThat(SEMICOLON.split("a; b ;;c ")).containsExactly("a", "b", "", "c");
    assertThat(SEMICOLON.split(";;")).containsExactly("", "", "");
    assertThat(SEMICOLON.split("")).containsExactly("");
    assertThat(SEMICOLON.split(" x ")).containsExactly("x");
    assertThat(new CsvDialect(',').split("P1,2024-01-12, ,x;y"))
        .containsExactly("P1", "2024-01-12", "", "x;y");
  }

  @Test
  void quotedAndUnquotedFieldsOfOneLineSplitAsTheUnquotedOnesAlone() {
    assertThat(SEMICOLON.split("a; b ;\"c\";d "))
        .containsExactly("a", "b", "c", "d")
        .isEqualTo(SEMICOLON.split("a; b ;c;d "));
  }
}
