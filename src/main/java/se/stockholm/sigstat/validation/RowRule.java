package se.stockholm.sigstat.validation;

import java.io.Serializable;
import java.util.Optional;

/**
 * A check of one delivery row. Rules run in order; a rule that parses a value stores it in the row
 * for the rules after it. Bad data is a {@link Rejection}, never an exception.
 */
public interface RowRule extends Serializable {
  Optional<Rejection> check(ParsedRow row);
}
