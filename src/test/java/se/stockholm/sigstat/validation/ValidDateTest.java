package se.stockholm.sigstat.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ValidDateTest {
  @Test
  void acceptsBothFormsOfRealDates() {
    assertThat(ValidDate.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(ValidDate.parse("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(ValidDate.parse("1999-12-31")).isEqualTo(LocalDate.of(1999, 12, 31));
  }

  @Test
  void rejectsWhatIsNotADateInAnAcceptedForm() {
    for (String v :
        List.of(
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-01x",
            "2024-0a-01",
            "202401011",
            "2024011",
            "2024-01-01 ",
            "+2024-01-01",
            "２０２４-01-01",
            "20240230",
            "",
            "2024-01-00")) {
      assertThat(ValidDate.parse(v)).as(v).isNull();
    }
  }

  /** The digit-by-digit reading agrees with java.time's strict formatters on every form. */
  @Test
  void agreesWithTheStrictFormatters() {
    List<String> texts = new ArrayList<>();
    for (String year : List.of("0000", "1900", "2000", "2023", "2024", "9999")) {
      for (int m = 0; m <= 13; m++) {
        for (int d = 0; d <= 32; d++) {
          String mm = String.format("%02d", m);
          String dd = String.format("%02d", d);
          texts.add(year + "-" + mm + "-" + dd);
          texts.add(year + mm + dd);
        }
      }
    }
    for (String v : texts) {
      assertThat(ValidDate.parse(v)).as(v).isEqualTo(withFormatters(v));
    }
  }

  private static LocalDate withFormatters(String v) {
    try {
      if (Pattern.matches("\\d{4}-\\d{2}-\\d{2}", v)) {
        return LocalDate.parse(v);
      }
      if (Pattern.matches("\\d{8}", v)) {
        return LocalDate.parse(
            v, DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }
}
