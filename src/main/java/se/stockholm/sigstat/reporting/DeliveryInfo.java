package se.stockholm.sigstat.reporting;

/** What a run knows of one district's live delivery, for "data as of" and data quality. */
public record DeliveryInfo(
    String district,
    String deliveryDate,
    String status,
    long read,
    long accepted,
    long rejected,
    String reason) {}
