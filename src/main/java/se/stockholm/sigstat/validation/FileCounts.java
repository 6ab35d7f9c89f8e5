package se.stockholm.sigstat.validation;

/** Rows read, accepted and rejected for one file of one delivery; read = accepted + rejected. */
public record FileCounts(String deliveryId, String file, long read, long accepted, long rejected) {}
