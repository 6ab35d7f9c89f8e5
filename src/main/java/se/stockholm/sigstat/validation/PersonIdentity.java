package se.stockholm.sigstat.validation;

import java.util.Optional;

/**
 * A person row identifies its person by personnummer or person_ref; with only person_ref the birth
 * date must be given, since it cannot be derived.
 */
public record PersonIdentity() implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    boolean pnr = !row.isBlank("personnummer");
    boolean ref = !row.isBlank("person_ref");
    if (!pnr && !ref) {
      return Optional.of(
          new Rejection("personnummer", "", "varken personnummer eller person_ref är ifyllt"));
    }
    if (!pnr && row.isBlank("fodelsedatum")) {
      return Optional.of(
          new Rejection(
              "fodelsedatum",
              "",
              "fodelsedatum krävs när person_ref används i stället för personnummer"));
    }
    return Optional.empty();
  }
}
