package se.stockholm.sigstat.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The summary of rows counted where they were written: what ingest judges each delivery by. */
class ValidationSummaryTest {
  private static Row line(String id, String label, long rad, String reason) {
    return RowFactory.create(id, label, rad, "datum", "2025-13-01", reason);
  }

  @Test
  void countsEveryDeliveryFromItsWrittenAndRejectedRows() {
    Map<String, List<Row>> rejected =
        Map.of(
            "bedomningar.csv",
            List.of(
                line("F1", "FARSTA/2025-01-31", 9, "ogiltigt datum"),
                line("F1", "FARSTA/2025-01-31", 4, "ogiltigt datum"),
                line("B1", "BROMMA/2025-01-31", 2, "ogiltigt datum")));
    Map<String, Map<String, Long>> accepted =
        Map.of(
            "bedomningar.csv", Map.of("F1", 10L, "B1", 0L, "S1", 0L),
            "insatsperioder.csv", Map.of("F1", 3L, "B1", 1L, "S1", 0L));

    ValidationSummary summary = ValidationSummary.of(rejected, accepted);

    // B1's assessments were all rejected; S1 delivered no rows at all, so has no counts.
    assertThat(summary.counts())
        .containsExactly(
            new FileCounts("B1", "bedomningar.csv", 1, 0, 1),
            new FileCounts("B1", "insatsperioder.csv", 1, 1, 0),
            new FileCounts("F1", "bedomningar.csv", 12, 10, 2),
            new FileCounts("F1", "insatsperioder.csv", 3, 3, 0));
    // In ledger order: delivery, file, line.
    assertThat(summary.rejected())
        .extracting(RejectedRowsLedger.Entry::leverans, RejectedRowsLedger.Entry::rad)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("BROMMA/2025-01-31", 2L),
            org.assertj.core.groups.Tuple.tuple("FARSTA/2025-01-31", 4L),
            org.assertj.core.groups.Tuple.tuple("FARSTA/2025-01-31", 9L));
    assertThat(summary.rejected().get(1).fil()).isEqualTo("bedomningar.csv");
  }
}
