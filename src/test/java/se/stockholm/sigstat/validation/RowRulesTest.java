package se.stockholm.sigstat.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.testing.TestPnr;

/** One test per row rule: a hand-made row with one fault, and the reason it must give. */
class RowRulesTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final LocalDate DELIVERED = LocalDate.of(2025, 3, 31);
  private static final String PNR = TestPnr.of("20050312", "238");

  private static Map<String, String> episode() {
    Map<String, String> v = new HashMap<>();
    v.put("period_id", "P1");
    v.put("personnummer", PNR);
    v.put("kon", "M");
    v.put("verksamhet", "SIG_UNGA_VUXNA");
    v.put("inskrivningsdatum", "2024-02-01");
    v.put("avslutsdatum", "2024-12-20");
    v.put("avslutsorsak", "PLANERAT");
    return v;
  }

  private static Map<String, String> assessment() {
    Map<String, String> v = new HashMap<>();
    v.put("period_id", "P1");
    v.put("mattillfalle", "INSKRIVNING");
    v.put("datum", "2024-02-03");
    v.put("livsomrade", "KRIMINALITET");
    v.put("skattning", "2");
    return v;
  }

  private static Optional<Rejection> check(String file, Map<String, String> values) {
    ParsedRow row = new ParsedRow(values, DELIVERED);
    List<RowRule> rules = RowRules.forFile(MODEL.deliveryFile(file), MODEL);
    for (RowRule rule : rules) {
      Optional<Rejection> r = rule.check(row);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private static ParsedRow accepted(String file, Map<String, String> values) {
    ParsedRow row = new ParsedRow(values, DELIVERED);
    for (RowRule rule : RowRules.forFile(MODEL.deliveryFile(file), MODEL)) {
      assertThat(rule.check(row)).as(rule.toString()).isEmpty();
    }
    return row;
  }

  @Test
  void validEpisodeIsAcceptedAndTyped() {
    ParsedRow row = accepted("insatsperioder", episode());
    assertThat(row.value("inskrivningsdatum")).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(row.value("personnummer")).isEqualTo(PNR.replace("-", ""));
    assertThat(row.value("fodelsedatum")).isEqualTo(LocalDate.of(2005, 3, 12));
  }

  @Test
  void requiredValueMissing() {
    Map<String, String> v = episode();
    v.remove("verksamhet");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::column, Rejection::reason)
        .containsExactly("verksamhet", "obligatoriskt värde saknas i kolumnen verksamhet");
  }

  @Test
  void textTooLong() {
    Map<String, String> v = episode();
    v.put("period_id", "x".repeat(65));
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("period_id är för lång (65 tecken, högst 64)");
  }

  @Test
  void invalidDateAndCompactDateForm() {
    Map<String, String> v = episode();
    v.put("inskrivningsdatum", "2024-02-30");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(
            "ogiltigt datum 2024-02-30 i kolumnen inskrivningsdatum (förväntat ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD)");
    v.put("inskrivningsdatum", "20240201");
    assertThat(accepted("insatsperioder", v).value("inskrivningsdatum"))
        .isEqualTo(LocalDate.of(2024, 2, 1));
  }

  @Test
  void unknownCodeNamesTheAllowedCodes() {
    Map<String, String> v = episode();
    v.put("kon", "Q");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::column, Rejection::value, Rejection::reason)
        .containsExactly("kon", "Q", "okänd kod Q för kön (tillåtna: K, M, X)");
    v.put("kon", "k");
    assertThat(accepted("insatsperioder", v).value("kon")).isEqualTo("K");
  }

  @Test
  void personnummerWithWrongCheckDigitIsMaskedInTheReason() {
    Map<String, String> v = episode();
    v.put("personnummer", TestPnr.withBadCheckDigit("20050312", "238"));
    Rejection r = check("insatsperioder", v).orElseThrow();
    assertThat(r.reason()).isEqualTo("ogiltigt personnummer 20050312-****: har fel kontrollsiffra");
    assertThat(r.value()).isEqualTo("20050312-****");
  }

  @Test
  void neitherPersonnummerNorPersonRef() {
    Map<String, String> v = episode();
    v.remove("personnummer");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("varken personnummer eller person_ref är ifyllt");
  }

  @Test
  void personRefNeedsBirthDate() {
    Map<String, String> v = episode();
    v.remove("personnummer");
    v.put("person_ref", "REF-17");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("fodelsedatum krävs när person_ref används i stället för personnummer");
    v.put("fodelsedatum", "2005-03-12");
    accepted("insatsperioder", v);
  }

  @Test
  void startBefore2010() {
    Map<String, String> v = episode();
    v.put("inskrivningsdatum", "2009-12-31");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("inskrivningsdatum 2009-12-31 ligger före 2010-01-01");
  }

  @Test
  void dateAfterDeliveryDate() {
    Map<String, String> v = episode();
    v.put("avslutsdatum", "2025-04-01");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("avslutsdatum 2025-04-01 ligger efter leveransdatum 2025-03-31");
  }

  @Test
  void endBeforeStart() {
    Map<String, String> v = episode();
    v.put("avslutsdatum", "2024-01-03");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("avslutsdatum 2024-01-03 ligger före inskrivningsdatum 2024-02-01");
  }

  @Test
  void exitReasonIffExitDate() {
    Map<String, String> v = episode();
    v.remove("avslutsorsak");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("avslutsorsak saknas fast avslutsdatum 2024-12-20 är ifyllt");
    v = episode();
    v.remove("avslutsdatum");
    assertThat(check("insatsperioder", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("avslutsorsak PLANERAT är ifylld men avslutsdatum saknas");
  }

  @Test
  void ratingOutsideTheDomainsScale() {
    Map<String, String> v = assessment();
    v.put("skattning", "4");
    assertThat(check("bedomningar", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("skattning 4 ligger utanför skalan 0–3 för livsområdet KRIMINALITET");
    v.put("livsomrade", "BOENDE");
    assertThat(accepted("bedomningar", v).value("skattning")).isEqualTo(4);
  }

  @Test
  void ratingThatIsNoInteger() {
    Map<String, String> v = assessment();
    v.put("skattning", "tre");
    assertThat(check("bedomningar", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("ogiltigt heltal tre i kolumnen skattning");
  }

  @Test
  void missingRatingIsAllowed() {
    Map<String, String> v = assessment();
    v.remove("skattning");
    assertThat(accepted("bedomningar", v).value("skattning")).isNull();
  }

  @Test
  void negativeHoursAndDecimalComma() {
    Map<String, String> v =
        new HashMap<>(
            Map.of(
                "period_id",
                "P1",
                "insatstyp",
                "LOTS",
                "startdatum",
                "2024-03-01",
                "timmar",
                "-1"));
    assertThat(check("insatser", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("timmar -1 är mindre än 0");
    v.put("timmar", "2,5");
    assertThat(accepted("insatser", v).value("timmar")).isEqualTo(2.5);
  }

  @Test
  void resourceYearAfterDelivery() {
    Map<String, String> v =
        new HashMap<>(
            Map.of(
                "ar",
                "2026",
                "verksamhet",
                "SIG_UNGA",
                "kostnad_kr",
                "1000",
                "arsarbetare",
                "1,5"));
    assertThat(check("resurser", v))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo("ar 2026 ligger efter leveransåret 2025");
  }
}
