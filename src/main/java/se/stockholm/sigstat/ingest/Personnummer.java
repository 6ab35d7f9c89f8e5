package se.stockholm.sigstat.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swedish personal identity numbers: normalisation to 12 digits, the Luhn check, birth date and
 * masking. Samordningsnummer (day + 60) are accepted.
 */
public final class Personnummer {
  private static final Pattern FORM =
      Pattern.compile("^(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([-+]?)(\\d{3})(\\d)$");
  private static final Pattern LOOKS_LIKE =
      Pattern.compile("(?<!\\d)(\\d{6}|\\d{8})[-+]?\\d{4}(?!\\d)");

  private Personnummer() {}

  /** A parsed number, or the Swedish reason why it is not one. */
  public record Parsed(String normalized, LocalDate birthDate, String error) {
    public boolean valid() {
      return error == null;
    }
  }

  /**
   * Parses {@code raw}; a 10-digit number gets the century that puts its birth date on or before
   * {@code reference} (one more century back with {@code +}, the 100-year mark).
   */
  public static Parsed parse(String raw, LocalDate reference) {
    String value = raw.trim().replace(" ", "");
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      return new Parsed(null, null, "har fel form (förväntat ÅÅÅÅMMDD-NNNN)");
    }
    String yy = m.group(2);
    String mm = m.group(3);
    String dd = m.group(4);
    String serial = m.group(6);
    String check = m.group(7);
    if (!luhnValid(yy + mm + dd + serial + check)) {
      return new Parsed(null, null, "har fel kontrollsiffra");
    }
    int day = Integer.parseInt(dd);
    boolean coordination = day > 60;
    int birthDay = coordination ? day - 60 : day;
    int century;
    if (m.group(1) != null) {
      century = Integer.parseInt(m.group(1));
    } else {
      int refYear = reference.getYear();
      int candidate = (refYear / 100) * 100 + Integer.parseInt(yy);
      if (candidate > refYear) {
        candidate -= 100;
      }
      if ("+".equals(m.group(5))) {
        candidate -= 100;
      }
      century = candidate / 100;
    }
    int year = century * 100 + Integer.parseInt(yy);
    LocalDate birth;
    try {
      birth = LocalDate.of(year, Integer.parseInt(mm), birthDay);
    } catch (DateTimeException e) {
      return new Parsed(null, null, "innehåller inget giltigt födelsedatum");
    }
    if (birth.isAfter(reference)) {
      return new Parsed(null, null, "har ett födelsedatum efter leveransdatum");
    }
    String y = Integer.toString(year);
    String normalized = "0".repeat(Math.max(0, 4 - y.length())) + y + mm + dd + serial + check;
    return new Parsed(normalized, birth, null);
  }

  /** Luhn over the ten digits YYMMDDNNNC. */
  public static boolean luhnValid(String tenDigits) {
    return checkDigit(tenDigits.substring(0, 9)) == tenDigits.charAt(9) - '0';
  }

  /** The Luhn check digit for the nine digits YYMMDDNNN. */
  public static int checkDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
    return (10 - sum % 10) % 10;
  }

  /** Keeps the birth-date part a district can look up and hides the rest: {@code 19900101-****}. */
  public static String mask(String raw) {
    if (raw == null) {
      return null;
    }
    String digits = raw.replaceAll("[^0-9]", "");
    if (digits.length() >= 10) {
      return digits.substring(0, digits.length() - 4) + "-****";
    }
    return "*".repeat(Math.max(1, raw.length()));
  }

  /** Masks anything inside a free value that looks like a personnummer, valid or not. */
  public static String maskWithin(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = LOOKS_LIKE.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(mask(m.group())));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
