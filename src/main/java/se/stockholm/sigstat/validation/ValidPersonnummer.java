package se.stockholm.sigstat.validation;

import java.util.Optional;
import se.stockholm.sigstat.ingest.Personnummer;

/**
 * A personnummer or samordningsnummer has a valid form, date and check digit; the normalised
 * 12-digit number and the birth date are kept for pseudonymisation, never stored.
 */
public record ValidPersonnummer(String column) implements RowRule {
  /** Where the birth date derived from the number is put for later rules. */
  public static final String DERIVED_BIRTH_DATE = "fodelsedatum";

  @Override
  public Optional<Rejection> check(ParsedRow row) {
    String v = row.raw(column);
    if (v == null) {
      return Optional.empty();
    }
    Personnummer.Parsed p = Personnummer.parse(v, row.deliveryDate());
    if (!p.valid()) {
      return Optional.of(
          new Rejection(
              column,
              Personnummer.mask(v),
              "ogiltigt personnummer " + Personnummer.mask(v) + ": " + p.error()));
    }
    row.set(column, p.normalized());
    if (row.isBlank(DERIVED_BIRTH_DATE)) {
      row.set(DERIVED_BIRTH_DATE, p.birthDate());
    }
    return Optional.empty();
  }
}
