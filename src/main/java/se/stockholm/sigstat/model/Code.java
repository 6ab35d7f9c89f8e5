package se.stockholm.sigstat.model;

import java.io.Serializable;

/** One code of a code list with its Swedish label; age bands also carry their year range. */
public record Code(String code, String label, Integer from, Integer to) implements Serializable {}
