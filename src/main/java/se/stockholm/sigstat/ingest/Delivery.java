package se.stockholm.sigstat.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One district's delivery: the folder {@code leveranser/<stadsdel>/<leveransdatum>/}. The date is
 * null when the folder's name is no date (such a folder is only ever rejected).
 */
public record Delivery(String district, LocalDate deliveryDate, Path dir) {

  /** Identifier safe in paths and Spark partition values: {@code FARSTA_2025-03-31}. */
  public String id() {
    return district + "_" + folder();
  }

  /** How users see it in messages and the ledger: {@code FARSTA/2025-03-31}. */
  public String label() {
    return Excerpt.of(district) + "/" + folder();
  }

  /** The delivery date, or the folder's own name (as a short excerpt) when it is no date. */
  public String folder() {
    return deliveryDate != null
        ? deliveryDate.toString()
        : Excerpt.of(String.valueOf(dir.getFileName()));
  }
}
