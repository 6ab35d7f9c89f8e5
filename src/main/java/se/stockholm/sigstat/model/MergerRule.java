package se.stockholm.sigstat.model;

import java.io.Serializable;

/**
 * How a case that moves to the successor at a district merger stays one episode (districts.yaml
 * {@code mergerRule}): an episode closed with {@code transferReason} within {@code maxGapDays} of
 * its district's last day, or still open in the last delivery of a district that no longer exists,
 * is continued by the same person's episode in the same verksamhet opened at most {@code
 * maxGapDays} days later in a district the reported structure maps to the same district. An open
 * episode without such a continuation ends on its district's last day with {@code openEndReason}.
 */
public record MergerRule(String transferReason, int maxGapDays, String openEndReason)
    implements Serializable {
  public MergerRule {
    if (maxGapDays < 0) {
      throw new IllegalArgumentException(
          "maxGapDays must be 0 or more, not " + maxGapDays + " (districts.yaml mergerRule)");
    }
  }
}
