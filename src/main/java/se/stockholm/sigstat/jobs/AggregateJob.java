package se.stockholm.sigstat.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.stockholm.sigstat.aggregation.AggregatedTable;
import se.stockholm.sigstat.aggregation.EpisodeJoining;
import se.stockholm.sigstat.aggregation.FollowUpStatistics;
import se.stockholm.sigstat.disclosure.AuditResult;
import se.stockholm.sigstat.disclosure.DisclosureAudit;
import se.stockholm.sigstat.disclosure.DisclosureControl;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.disclosure.ProtectedTable;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.publish.DeliveryInfo;
import se.stockholm.sigstat.publish.RunDeliveries;
import se.stockholm.sigstat.publish.StatistikFiles;
import se.stockholm.sigstat.spark.ShufflePartitions;
import se.stockholm.sigstat.spark.SparkWork;
import se.stockholm.sigstat.warehouse.ReferenceStore;
import se.stockholm.sigstat.warehouse.SnapshotStore;
import se.stockholm.sigstat.warehouse.WarehouseLayout;
import se.stockholm.sigstat.warehouse.WarehouseVerifier;

/**
 * Aggregate: reads the warehouse, computes the statistics, protects them, checks the protected
 * table with the audit and publishes statistik.csv / .parquet / .json in the run folder.
 */
public final class AggregateJob {
  private static final Logger LOG = LoggerFactory.getLogger(AggregateJob.class);

  /**
   * What happened: the warehouse check, the published table and what the audit found, with the
   * whole run's time and the check's, the protection's and the audit's parts of it.
   */
  public record Result(
      WarehouseVerifier.Report verification,
      ProtectedTable table,
      AuditResult audit,
      long millis,
      long verifyMillis,
      long protectMillis,
      long auditMillis) {
    /** What the audit found, in Swedish; empty when the table passed. */
    public List<String> auditFindings() {
      return audit.findings();
    }
  }

  private final FollowUpModel model;

  public AggregateJob(FollowUpModel model) {
    this.model = model;
  }

  public Result run(
      SparkSession spark,
      Path warehouse,
      FollowUpStatistics.Settings settings,
      FrequencyRule rule,
      Path runDir)
      throws IOException {
    return run(spark, warehouse, null, settings, rule, runDir);
  }

  /**
   * @param pending what a deferred ingest prepared (read as if committed), or null
   */
  public Result run(
      SparkSession spark,
      Path warehouse,
      IngestJob.Pending pending,
      FollowUpStatistics.Settings settings,
      FrequencyRule rule,
      Path runDir)
      throws IOException {
    long t0 = System.nanoTime();
    WarehouseLayout layout = new WarehouseLayout(warehouse);
    SnapshotStore store =
        pending == null
            ? new SnapshotStore(layout)
            : new SnapshotStore(layout).withPending(pending.snapshots());
    if (!layout.exists()) {
      throw new ConfigurationException("Lagret " + warehouse + " finns inte (fel sökväg?)");
    }
    ReferenceStore references =
        new ReferenceStore(layout).withPending(pending == null ? Map.of() : pending.references());
    // Before anything is read: a lost or changed file would otherwise give wrong figures silently.
    WarehouseVerifier.Report verification =
        WarehouseVerifier.verify(store, references, List.of("befolkning"));
    if (!verification.intact()) {
      throw verification.damage();
    }
    long verifyMillis = (System.nanoTime() - t0) / 1_000_000;
    LOG.debug(
        "verify: {} snapshots and reference tables, {} files intact ({} ms)",
        verification.checked().size(),
        verification.files(),
        verifyMillis);
    if (store.currentAll().isEmpty()) {
      throw new ConfigurationException("Lagret " + warehouse + " är tomt: kör ingest först");
    }
    ShufflePartitions.sizeTo(spark, verification.rows());
    FollowUpStatistics.Inputs inputs =
        new FollowUpStatistics.Inputs(
            table(spark, store, "insatsperioder"),
            table(spark, store, "bedomningar"),
            table(spark, store, "insatser"),
            table(spark, store, "anhorigstod"),
            table(spark, store, "resurser"),
            references.read(
                spark, "befolkning", SparkSchemas.reference(model.referenceFile("befolkning"))));
    SparkWork work = SparkWork.of(spark);
    SparkWork.Counts before = work.counts();
    AggregatedTable aggregated = new FollowUpStatistics(model).compute(inputs, settings);
    LOG.debug(
        "aggregate: {} cells for {} periods ({} ms; {})",
        aggregated.cells().size(),
        aggregated.periods().size(),
        (System.nanoTime() - t0) / 1_000_000,
        work.counts().since(before));
    long t1 = System.nanoTime();
    ProtectedTable protectedTable = new DisclosureControl(model, rule).protect(aggregated);
    long t2 = System.nanoTime();
    AuditResult audit = new DisclosureAudit(model, rule).check(protectedTable);
    List<String> findings = audit.findings();
    long auditMillis = (System.nanoTime() - t2) / 1_000_000;
    LOG.debug(
        "protect: {} cells, {} primary + {} secondary suppressions ({} ms); audit {}: {} relations,"
            + " {} recovered ({} ms)",
        audit.cells(),
        audit.primary(),
        audit.secondary(),
        (t2 - t1) / 1_000_000,
        findings.isEmpty() ? "passed" : "FAILED",
        audit.relations(),
        audit.recovered(),
        auditMillis);
    if (findings.isEmpty()) {
      AtomicFiles.removeLeftovers(runDir);
      StatistikFiles.write(
          protectedTable,
          settings.reportPeriods().stream().map(ReportingPeriod::code).toList(),
          audit,
          runDir);
      RunDeliveries.write(
          runDir,
          withClosedAtDissolution(
              RunDeliveries.fromWarehouse(
                  store, pending == null ? List.of() : pending.logEntries()),
              inputs.episodes()));
    }
    return new Result(
        verification,
        protectedTable,
        audit,
        (System.nanoTime() - t0) / 1_000_000,
        verifyMillis,
        (t2 - t1) / 1_000_000,
        auditMillis);
  }

  /** Each live delivery with its episodes ended on the day its district ceased (data quality). */
  private List<DeliveryInfo> withClosedAtDissolution(
      List<DeliveryInfo> deliveries, Dataset<Row> episodes) {
    Map<String, Long> ended = new HashMap<>();
    for (Row r :
        EpisodeJoining.endedAtDissolution(
                episodes, model.districts(), FollowUpStatistics.asOf(episodes))
            .collectAsList()) {
      ended.put(r.getString(0), r.getLong(1));
    }
    return deliveries.stream()
        .map(
            d ->
                d.status().isPublished()
                    ? d.withClosedAtDissolution(ended.getOrDefault(d.district(), 0L))
                    : d)
        .toList();
  }

  private org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table(
      SparkSession spark, SnapshotStore store, String name) {
    return store.read(spark, name, SparkSchemas.warehouse(model.deliveryFile(name)));
  }
}
