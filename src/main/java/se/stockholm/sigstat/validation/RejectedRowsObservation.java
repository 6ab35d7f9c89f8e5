package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.collect_list;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Collects a file's rejected rows on the side of the one Spark action that consumes its validated
 * rows (ingest's write of the accepted rows), so the rows are computed once and never cached. Spark
 * reports the observed rows once the action has succeeded, from the tasks that counted.
 */
public final class RejectedRowsObservation {
  private static final String LINES = "avvisade_rader";
  private final Observation observation = new Observation();

  /** {@code validated} with its rejected rows observed; run exactly one action on the result. */
  public Dataset<Row> observe(Dataset<Row> validated) {
    return validated.observe(observation, collect_list(ValidationSummary.ledgerLine()).as(LINES));
  }

  /**
   * The rejected rows as {@link ValidationSummary#ledgerLine()} gives them; call only after the
   * action succeeded (until then it waits).
   */
  public List<Row> lines() {
    try {
      @SuppressWarnings("unchecked")
      scala.collection.Seq<Row> lines =
          (scala.collection.Seq<Row>) observation.getAsJava().get(LINES);
      return CollectionConverters.asJava(lines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the rejected rows", e);
    }
  }
}
