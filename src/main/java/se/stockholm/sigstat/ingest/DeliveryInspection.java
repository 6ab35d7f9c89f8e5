package se.stockholm.sigstat.ingest;

import java.util.List;
import java.util.Map;

/**
 * The file-level view of a delivery before any row is read: the layout of each present file, faults
 * that reject the whole delivery, and warnings (unknown columns).
 */
public record DeliveryInspection(
    Delivery delivery,
    String checksum,
    Map<String, FileLayout> files,
    List<FileFault> faults,
    List<String> warnings) {

  /** A fault that rejects the delivery, with the file it concerns (or null for the folder). */
  public record FileFault(String file, String reason) {}

  public boolean acceptable() {
    return faults.isEmpty();
  }
}
