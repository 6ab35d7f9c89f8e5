package se.stockholm.sigstat.disclosure;

import java.util.List;
import java.util.Map;

/**
 * What the intruder audit found in a published table: its size, what is suppressed, how many hidden
 * figures it could compute (must be 0), every finding in Swedish, and the information lost per
 * measure.
 *
 * @param cells every cell of the table
 * @param nonEmpty cells with something to show (not E)
 * @param primary primary suppressions (P)
 * @param secondary secondary suppressions (M)
 * @param relations the linear relations the intruder tried
 * @param recovered suppressed cells whose hidden count the intruder computed
 * @param findings everything wrong, in Swedish (empty when the table passes)
 * @param loss per measure: non-empty cells and suppressed cells
 */
public record AuditResult(
    int cells,
    int nonEmpty,
    int primary,
    int secondary,
    int relations,
    int recovered,
    List<String> findings,
    Map<String, Loss> loss) {

  public AuditResult {
    findings = List.copyOf(findings);
    loss = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(loss));
  }

  /** Suppressed and non-empty cells of one measure. */
  public record Loss(int nonEmpty, int suppressed) {
    /** The share of the measure's non-empty cells that is suppressed. */
    public double share() {
      return nonEmpty == 0 ? 0 : (double) suppressed / nonEmpty;
    }
  }

  public boolean passed() {
    return findings.isEmpty();
  }

  public int suppressed() {
    return primary + secondary;
  }

  /** The share of all non-empty cells that is suppressed. */
  public double suppressedShare() {
    return nonEmpty == 0 ? 0 : (double) suppressed() / nonEmpty;
  }
}
