package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.time.LocalDate;

/** A city district (stadsdelsområde) with its validity and, once merged, its successor. */
public record District(
    String code, String name, LocalDate validFrom, LocalDate validTo, String successor)
    implements Serializable {

  public boolean validOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }

  /** A district code may name a delivery dated on or after its start, even once dissolved. */
  public boolean existedBy(LocalDate date) {
    return !date.isBefore(validFrom);
  }
}
