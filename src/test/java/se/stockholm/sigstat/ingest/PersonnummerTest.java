package se.stockholm.sigstat.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonnummerTest {
  private static final LocalDate REF = LocalDate.of(2025, 1, 1);

  @Test
  void luhnCheckDigitOfAKnownExample() {
    // The textbook example 811218-9876 (Skatteverket's description of the check digit).
    assertThat(Personnummer.checkDigit("811218987")).isEqualTo(6);
    assertThat(Personnummer.luhnValid("8112189876")).isTrue();
    assertThat(Personnummer.luhnValid("8112189875")).isFalse();
  }

  @Test
  void tenDigitFormsGetTheirCentury() {
    assertThat(Personnummer.parse("811218-9876", REF).normalized()).isEqualTo("198112189876");
    String young = "051212123" + Personnummer.checkDigit("051212123");
    assertThat(Personnummer.parse(young, REF).birthDate()).isEqualTo(LocalDate.of(2005, 12, 12));
    // "+" marks someone 100 or older.
    assertThat(Personnummer.parse("811218+9876", REF).normalized()).isEqualTo("188112189876");
  }

  @Test
  void samordningsnummerHasDayPlusSixty() {
    String nine = "050372238";
    String number = "20" + nine + Personnummer.checkDigit(nine);
    Personnummer.Parsed p = Personnummer.parse(number, REF);
    assertThat(p.valid()).isTrue();
    assertThat(p.birthDate()).isEqualTo(LocalDate.of(2005, 3, 12));
  }

  @Test
  void invalidDateOrFormIsRejected() {
    String nine = "051332123";
    assertThat(Personnummer.parse("20" + nine + Personnummer.checkDigit(nine), REF).error())
        .isEqualTo("innehåller inget giltigt födelsedatum");
    assertThat(Personnummer.parse("2005-1212", REF).error()).startsWith("har fel form");
  }

  @Test
  void maskKeepsOnlyTheBirthDate() {
    assertThat(Personnummer.mask("19811218-9876")).isEqualTo("19811218-****");
    assertThat(Personnummer.maskWithin("rad med 198112189876 i"))
        .isEqualTo("rad med 19811218-**** i");
    assertThat(Personnummer.maskWithin("2024-01-03")).isEqualTo("2024-01-03");
  }

  @Test
  void pseudonymIsStableKeyedAndNotThePersonnummer() {
    Pseudonymizer a = new Pseudonymizer(PseudonymKey.of("first-secret-key-0001"));
    Pseudonymizer b = new Pseudonymizer(PseudonymKey.of("other-secret-key-0002"));
    String p = a.ofPersonnummer("198112189876");
    assertThat(p)
        .hasSize(64)
        .isEqualTo(a.ofPersonnummer("198112189876"))
        .isNotEqualTo(b.ofPersonnummer("198112189876"))
        .doesNotContain("8112189876");
    assertThat(a.ofPersonRef("198112189876")).isNotEqualTo(p);
  }
}
