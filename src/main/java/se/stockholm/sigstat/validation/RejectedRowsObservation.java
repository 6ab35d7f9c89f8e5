package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.jdk.javaapi.CollectionConverters;
import se.stockholm.sigstat.model.schema.SparkSchemas;

/**
 * Collects a file's rejected rows on the side of the one Spark action that consumes its validated
 * rows (ingest's write of the accepted rows), so the rows are computed once and never cached. Spark
 * reports the observed rows once the action has succeeded, from the tasks that counted.
 */
public final class RejectedRowsObservation {
  private static final String LINES = "avvisade_rader";

  /**
   * How long to wait, after the action, for Spark to report the rows (it does so from its listener
   * thread, normally within milliseconds): a nightly run must fail rather than hang.
   */
  static final long WAIT_SECONDS = 120;

  private final Observation observation = new Observation();
  private final long waitSeconds;

  public RejectedRowsObservation() {
    this(WAIT_SECONDS);
  }

  RejectedRowsObservation(long waitSeconds) {
    this.waitSeconds = waitSeconds;
  }

  /** {@code validated} with its rejected rows observed; run exactly one action on the result. */
  public Dataset<Row> observe(Dataset<Row> validated) {
    return validated.observe(observation, collect_list(ValidationSummary.ledgerLine()).as(LINES));
  }

  /**
   * The accepted rows of {@code validated}, with its rejected rows observed on the side: run
   * exactly one action on the result (its write), then read {@link #lines()}.
   */
  public Dataset<Row> accepted(Dataset<Row> validated) {
    return observe(validated).filter(col(SparkSchemas.REJECT_REASON).isNull());
  }

  /** The rejected rows as {@link ValidationSummary#ledgerLine()} gives them, after the action. */
  public List<Row> lines() {
    scala.collection.Map<String, Object> metrics;
    try {
      metrics = Await.result(observation.future(), Duration.create(waitSeconds, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Spark reported no rejected rows within " + waitSeconds + " s of the write", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the rejected rows", e);
    }
    @SuppressWarnings("unchecked")
    scala.collection.Seq<Row> lines = (scala.collection.Seq<Row>) metrics.apply(LINES);
    return CollectionConverters.asJava(lines);
  }
}
