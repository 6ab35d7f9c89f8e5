package se.stockholm.sigstat.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

/** One district's delivery: the folder {@code leveranser/<stadsdel>/<leveransdatum>/}. */
public record Delivery(String district, LocalDate deliveryDate, Path dir) {

  /** Identifier safe in paths and Spark partition values: {@code FARSTA_2025-03-31}. */
  public String id() {
    return district + "_" + deliveryDate;
  }

  /** How users see it in messages and the ledger: {@code FARSTA/2025-03-31}. */
  public String label() {
    return district + "/" + deliveryDate;
  }
}
