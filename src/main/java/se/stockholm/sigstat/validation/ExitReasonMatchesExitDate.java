package se.stockholm.sigstat.validation;

import java.util.Optional;

/** An avslutsorsak is given if and only if the episode has an avslutsdatum. */
public record ExitReasonMatchesExitDate() implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    boolean closed = !row.isBlank("avslutsdatum");
    boolean reason = !row.isBlank("avslutsorsak");
    if (closed && !reason) {
      return Optional.of(
          new Rejection(
              "avslutsorsak",
              "",
              "avslutsorsak saknas fast avslutsdatum " + row.raw("avslutsdatum") + " är ifyllt"));
    }
    if (!closed && reason) {
      return Optional.of(
          new Rejection(
              "avslutsorsak",
              row.raw("avslutsorsak"),
              "avslutsorsak " + row.raw("avslutsorsak") + " är ifylld men avslutsdatum saknas"));
    }
    return Optional.empty();
  }
}
