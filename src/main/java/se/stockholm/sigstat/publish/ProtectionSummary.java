package se.stockholm.sigstat.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import se.stockholm.sigstat.disclosure.AuditResult;

/**
 * The disclosure-control figures a run publishes (statistik.json, manifest.json, Om rapporten):
 * cells, suppressions, the relations the audit tried as an intruder, how many hidden counts it
 * recovered (0 in a published run) and the share suppressed per measure.
 */
public record ProtectionSummary(
    @JsonProperty("celler") int cells,
    @JsonProperty("ejTomma") int nonEmpty,
    @JsonProperty("primara") int primary,
    @JsonProperty("sekundara") int secondary,
    @JsonProperty("relationer") int relations,
    @JsonProperty("aterskapade") int recovered,
    @JsonProperty("andelPrickade") double suppressedShare,
    @JsonProperty("perMatt") Map<String, MeasureLoss> perMeasure) {

  /** One measure's non-empty and suppressed cells. */
  public record MeasureLoss(
      @JsonProperty("ejTomma") int nonEmpty,
      @JsonProperty("prickade") int suppressed,
      @JsonProperty("andel") double share) {}

  public static ProtectionSummary of(AuditResult a) {
    Map<String, MeasureLoss> per = new LinkedHashMap<>();
    a.loss()
        .forEach(
            (m, l) -> per.put(m, new MeasureLoss(l.nonEmpty(), l.suppressed(), round(l.share()))));
    return new ProtectionSummary(
        a.cells(),
        a.nonEmpty(),
        a.primary(),
        a.secondary(),
        a.relations(),
        a.recovered(),
        round(a.suppressedShare()),
        per);
  }

  private static double round(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }
}
