package se.stockholm.sigstat.validation;

import java.io.Serializable;

/** Why a row was rejected: the column, the offending value as delivered, and a Swedish reason. */
public record Rejection(String column, String value, String reason) implements Serializable {}
