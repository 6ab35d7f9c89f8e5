package se.stockholm.sigstat.failure;

import java.util.List;

/** The disclosure audit found cells that break the rules: nothing is published, exit code 1. */
public final class AuditFailedException extends SigstatException {
  private final List<String> findings;

  public AuditFailedException(List<String> findings) {
    super(
        "Granskningen av sekretesskyddet hittade " + findings.size() + " fel; inget publicerades");
    this.findings = List.copyOf(findings);
  }

  /** What the audit found, one Swedish line each. */
  public List<String> findings() {
    return findings;
  }
}
