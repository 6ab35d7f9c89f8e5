package se.stockholm.sigstat.warehouse;

/** The content of a district's CURRENT file: which snapshot is live and where it came from. */
public record SnapshotPointer(
    String district, String snapshotId, String deliveryDate, String checksum) {}
