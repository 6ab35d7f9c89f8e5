package se.stockholm.sigstat.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryFinder;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryInspector;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.ingest.FileLayout;
import se.stockholm.sigstat.ingest.Pseudonymizer;
import se.stockholm.sigstat.ingest.RawRowReader;
import se.stockholm.sigstat.ingest.WarehouseRows;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.spark.DeliveryPartitions;
import se.stockholm.sigstat.spark.ScopedSettings;
import se.stockholm.sigstat.spark.SparkWork;
import se.stockholm.sigstat.validation.DeliveryValidation;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.validation.RejectedRowsLedger;
import se.stockholm.sigstat.validation.RejectedRowsObservation;
import se.stockholm.sigstat.validation.ValidationResult;
import se.stockholm.sigstat.validation.ValidationSummary;
import se.stockholm.sigstat.warehouse.DeliveryLog;
import se.stockholm.sigstat.warehouse.FileInventory;
import se.stockholm.sigstat.warehouse.ReferenceStore;
import se.stockholm.sigstat.warehouse.SnapshotPointer;
import se.stockholm.sigstat.warehouse.SnapshotStore;
import se.stockholm.sigstat.warehouse.WarehouseLayout;

/**
 * Ingest: the newest delivery of every district is validated, pseudonymised and, when its rejected
 * share is within the threshold, made the district's live snapshot. Unchanged deliveries (same
 * checksum as the live snapshot) are not read again.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  /**
   * What to ingest and where; {@code maxRejectedShare} is a fraction (0.05 = 5 %). With {@code
   * deferCommit} the new snapshots are only prepared: the warehouse changes when {@link #commit} is
   * called (the nightly job does so once its run folder is complete, so a killed run leaves the
   * warehouse as it was).
   */
  public record Request(
      Path leveranser,
      Path warehouse,
      Pseudonymizer pseudonymizer,
      double maxRejectedShare,
      Path befolkning,
      boolean deferCommit) {
    /** Committed at once. */
    public Request(
        Path leveranser,
        Path warehouse,
        Pseudonymizer pseudonymizer,
        double maxRejectedShare,
        Path befolkning) {
      this(leveranser, warehouse, pseudonymizer, maxRejectedShare, befolkning, false);
    }

    /** Without a population file, committed at once. */
    public Request(
        Path leveranser, Path warehouse, Pseudonymizer pseudonymizer, double maxRejectedShare) {
      this(leveranser, warehouse, pseudonymizer, maxRejectedShare, null, false);
    }
  }

  /**
   * @param population counts of the population file, null when absent or unchanged
   * @param populationFaults why the population file was rejected as a whole, if it was
   */
  public record Result(
      List<DeliveryResult> deliveries,
      long ledgerRows,
      Path ledger,
      FileCounts population,
      List<String> populationFaults,
      Pending pending) {
    /** True when a delivery was rejected: the run is "partial" for the scheduler. */
    public boolean partial() {
      return deliveries.stream().anyMatch(d -> d.status().isRejected())
          || !populationFaults.isEmpty();
    }
  }

  /** What a deferred ingest has prepared but not yet made part of the warehouse. */
  public record Pending(
      Path warehouse,
      List<SnapshotPointer> snapshots,
      Map<String, ReferenceStore.Pointer> references,
      List<DeliveryLog.Entry> logEntries,
      Path ledgerTmp) {}

  /**
   * How ingest's writes are planned. The join to the episodes uses the spread by delivery that both
   * sides already have ({@link DeliveryValidation#CO_PARTITION_SETTING}). The rows arrive sorted by
   * key, and within a partition each delivery's rows go to a file of their own, kept open side by
   * side (a partition holds one or two deliveries), instead of Spark sorting all rows again by
   * delivery first.
   */
  private static final Map<String, String> WRITE_SETTINGS =
      Map.of(
          DeliveryValidation.CO_PARTITION_SETTING,
          "false",
          "spark.sql.optimizer.plannedWrite.enabled",
          "false",
          "spark.sql.maxConcurrentOutputFileWriters",
          "8");

  private final FollowUpModel model;
  private final Clock clock;

  /** An ingest whose "today" (for delivery dates in the future) comes from {@code clock}. */
  public IngestJob(FollowUpModel model, Clock clock) {
    this.model = model;
    this.clock = clock;
  }

  public Result run(SparkSession spark, Request req) throws IOException {
    WarehouseLayout layout = new WarehouseLayout(req.warehouse());
    SnapshotStore store = new SnapshotStore(layout);
    Path staging = layout.staging().resolve("ingest");
    // Whatever a killed run left in staging/ was never part of the warehouse.
    AtomicFiles.deleteTree(layout.staging());
    Files.createDirectories(staging);
    store.removeUncommitted();

    long t0 = System.nanoTime();
    Triaged triaged = triage(req.leveranser(), store, new DeliveryLog(layout).entries());
    List<DeliveryResult> results = triaged.results();
    List<DeliveryInspection> toRead = triaged.toRead();
    List<RejectedRowsLedger.Entry> fileFaults = triaged.fileFaults();
    LOG.debug(
        "ingest: inspected {} deliveries, {} to read ({} ms)",
        results.size() + toRead.size(),
        toRead.size(),
        (System.nanoTime() - t0) / 1_000_000);
    List<RejectedRowsLedger.Entry> ledgerRows = new ArrayList<>();
    List<SnapshotPointer> prepared = new ArrayList<>();
    if (!toRead.isEmpty()) {
      results.addAll(validateAndPublish(spark, store, staging, toRead, req, ledgerRows, prepared));
    }
    results.sort((a, b) -> a.delivery().label().compareTo(b.delivery().label()));
    ReferenceIngest.Result population = new ReferenceIngest.Result(null, List.of(), null);
    if (req.befolkning() != null) {
      if (!Files.isRegularFile(req.befolkning())) {
        throw new ConfigurationException("Befolkningsfilen " + req.befolkning() + " finns inte");
      }
      long t1 = System.nanoTime();
      SparkWork.Counts before = SparkWork.of(spark).counts();
      population =
          new ReferenceIngest(model)
              .run(
                  spark,
                  model.referenceFile("befolkning"),
                  req.befolkning(),
                  layout,
                  staging,
                  ledgerRows);
      LOG.debug(
          "ingest: population table {} ({} ms; {})",
          population.counts() == null ? "unchanged or rejected" : "read",
          (System.nanoTime() - t1) / 1_000_000,
          SparkWork.of(spark).counts().since(before));
    }

    Path ledgerTmp = staging.resolve("avvisade_rader.csv");
    long ledgerCount = RejectedRowsLedger.write(ledgerTmp, fileFaults, ledgerRows.iterator());
    Map<String, ReferenceStore.Pointer> references =
        population.prepared() == null ? Map.of() : Map.of("befolkning", population.prepared());
    Pending pending =
        new Pending(
            req.warehouse(),
            List.copyOf(prepared),
            references,
            DeliveryLogEntries.of(results, clock.instant()),
            ledgerTmp);
    Result result =
        new Result(
            results,
            ledgerCount,
            layout.rejectedRowsCsv(),
            population.counts(),
            population.faults(),
            pending);
    if (!req.deferCommit()) {
      commit(result);
    }
    return result;
  }

  /**
   * The shell around {@link DeliveryTriage}: finds and inspects the folders, reads the pointers.
   */
  private record Triaged(
      List<DeliveryResult> results,
      List<DeliveryInspection> toRead,
      List<RejectedRowsLedger.Entry> fileFaults) {}

  private Triaged triage(Path leveranser, SnapshotStore store, List<DeliveryLog.Entry> seenBefore)
      throws IOException {
    List<DeliveryInspection> toRead = new ArrayList<>();
    List<DeliveryResult> results = new ArrayList<>();
    List<RejectedRowsLedger.Entry> fileFaults = new ArrayList<>();
    DeliveryFinder finder = new DeliveryFinder(model.districts(), clock);
    DeliveryInspector inspector = new DeliveryInspector(model);
    Map<String, DeliveryTriage.Candidates> byDistrict = new LinkedHashMap<>();
    finder.find(leveranser).forEach((d, f) -> byDistrict.put(d, DeliveryTriage.candidates(f)));
    Map<String, DeliveryInspection> newestInspected = inspectNewest(inspector, byDistrict);
    for (Map.Entry<String, DeliveryTriage.Candidates> e : byDistrict.entrySet()) {
      DeliveryTriage.Candidates candidates = e.getValue();
      for (DeliveryFinder.Found f : candidates.misdated()) {
        DeliveryInspection misdated = inspector.inspect(f.delivery(), f.fault());
        fileFaults.addAll(DeliveryTriage.ledgerRows(misdated));
        results.add(DeliveryTriage.rejectedAsAWhole(misdated));
      }
      if (candidates.newest() == null) {
        continue;
      }
      DeliveryInspection inspection = newestInspected.get(e.getKey());
      Optional<DeliveryResult> decided =
          DeliveryTriage.decide(
              inspection, store.current(e.getKey()).map(SnapshotPointer::checksum), seenBefore);
      if (decided.isEmpty() || decided.get().status() != DeliveryStatus.OFORANDRAD) {
        inspection
            .warnings()
            .forEach(w -> LOG.warn("Varning: {}: {}", inspection.delivery().label(), w));
      }
      if (decided.isPresent()) {
        fileFaults.addAll(DeliveryTriage.ledgerRows(inspection));
        results.add(decided.get());
      } else {
        toRead.add(inspection);
      }
    }

    return new Triaged(results, toRead, fileFaults);
  }

  /**
   * Each district's newest delivery inspected, on all cores: an inspection reads every file whole
   * twice (its checksum, its encoding), 229 MB at 100 000 persons.
   */
  private static Map<String, DeliveryInspection> inspectNewest(
      DeliveryInspector inspector, Map<String, DeliveryTriage.Candidates> byDistrict)
      throws IOException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Map<String, Future<DeliveryInspection>> pending = new LinkedHashMap<>();
      byDistrict.forEach(
          (district, candidates) -> {
            DeliveryFinder.Found newest = candidates.newest();
            if (newest != null) {
              pending.put(
                  district,
                  pool.submit(() -> inspector.inspect(newest.delivery(), newest.fault())));
            }
          });
      Map<String, DeliveryInspection> inspected = new LinkedHashMap<>();
      for (Map.Entry<String, Future<DeliveryInspection>> p : pending.entrySet()) {
        inspected.put(p.getKey(), done(p.getValue()));
      }
      return inspected;
    } finally {
      pool.shutdownNow();
    }
  }

  private static DeliveryInspection done(Future<DeliveryInspection> inspection) throws IOException {
    try {
      return inspection.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while inspecting deliveries", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Makes what the ingest prepared part of the warehouse: each district's CURRENT replaced, the
   * reference tables' pointers, then the rejected-rows ledger and the delivery log.
   */
  public static void commit(Result result) throws IOException {
    Pending p = result.pending();
    WarehouseLayout layout = new WarehouseLayout(p.warehouse());
    SnapshotStore store = new SnapshotStore(layout);
    for (SnapshotPointer s : p.snapshots()) {
      store.commit(s);
      LOG.debug("{}: published snapshot {}", s.district(), s.snapshotId());
    }
    ReferenceStore references = new ReferenceStore(layout);
    for (Map.Entry<String, ReferenceStore.Pointer> r : p.references().entrySet()) {
      references.commit(r.getKey(), r.getValue());
    }
    AtomicFiles.move(p.ledgerTmp(), layout.rejectedRowsCsv());
    new DeliveryLog(layout).append(p.logEntries());
    AtomicFiles.deleteTree(layout.staging());
  }

  private List<DeliveryResult> validateAndPublish(
      SparkSession spark,
      SnapshotStore store,
      Path staging,
      List<DeliveryInspection> inspections,
      Request req,
      List<RejectedRowsLedger.Entry> ledgerRows,
      List<SnapshotPointer> prepared)
      throws IOException {
    SparkWork work = SparkWork.of(spark);
    SparkWork.Counts before = work.counts();
    long t0 = System.nanoTime();
    int partitions =
        DeliveryPartitions.choose(
            inputBytes(inspections), spark.sparkContext().defaultParallelism());
    ValidationResult validation =
        new DeliveryValidation(model)
            .validate(spark, RawRowReader.readAll(spark, inspections, partitions));
    List<String> ids = inspections.stream().map(i -> i.delivery().id()).toList();
    ValidationSummary summary = writeStaged(spark, validation, staging, ids, req.pseudonymizer());
    List<FileCounts> counts = summary.counts();
    ledgerRows.addAll(summary.rejected());
    LOG.debug(
        "ingest: validated {} rows of {} deliveries and wrote the accepted ones to staging, {}"
            + " rejected rows for the ledger ({} ms; {})",
        counts.stream().mapToLong(FileCounts::read).sum(),
        inspections.size(),
        summary.rejected().size(),
        (System.nanoTime() - t0) / 1_000_000,
        work.counts().since(before));
    RejectionThreshold threshold = new RejectionThreshold(req.maxRejectedShare());
    List<DeliveryResult> results = new ArrayList<>();
    for (DeliveryInspection inspection : inspections) {
      Delivery d = inspection.delivery();
      results.add(
          threshold.judge(
              inspection, DeliveryValidation.countsOf(d.id(), fileNames(inspection), counts)));
    }
    t0 = System.nanoTime();
    for (DeliveryResult r : results) {
      // A delivery over the threshold leaves its staged rows to be removed with staging/.
      if (r.status().isPublished()) {
        prepared.add(prepare(store, staging, r, ledgerRows));
      }
    }
    LOG.debug(
        "ingest: prepared {} snapshots with their file lists ({} ms)",
        prepared.size(),
        (System.nanoTime() - t0) / 1_000_000);
    return results;
  }

  /**
   * Writes the accepted rows of every delivery to staging, pseudonymised, one folder per table and
   * delivery, and gathers the rejected rows on the side of the same pass: each row is read,
   * validated and written once, never cached. The counts per delivery come from the rows written
   * and the rows rejected.
   */
  private ValidationSummary writeStaged(
      SparkSession spark,
      ValidationResult validation,
      Path staging,
      List<String> deliveryIds,
      Pseudonymizer pseudonymizer)
      throws IOException {
    Map<String, List<Row>> rejected = new LinkedHashMap<>();
    Map<String, Map<String, Long>> accepted = new LinkedHashMap<>();
    // A file others refer to (the episodes) is read by its own write and as the parents of the
    // others: it is validated once and kept.
    List<String> referencedNames =
        model.deliveryFiles().stream()
            .filter(FileSpec::hasReference)
            .map(FileSpec::referencedFile)
            .distinct()
            .filter(validation::has)
            .toList();
    List<Dataset<Row>> referenced =
        referencedNames.stream()
            .map(
                name ->
                    validation.validatedByFile().get(name).persist(StorageLevel.MEMORY_AND_DISK()))
            .toList();
    try (ScopedSettings planning = new ScopedSettings(spark, WRITE_SETTINGS)) {
      // The episodes first: their write fills what the others' joins then read.
      List<FileSpec> ordered = new ArrayList<>();
      for (FileSpec spec : model.deliveryFiles()) {
        if (validation.has(spec.name())) {
          ordered.add(referencedNames.contains(spec.name()) ? 0 : ordered.size(), spec);
        }
      }
      for (FileSpec spec : ordered) {
        writeTable(validation, spec, staging, deliveryIds, pseudonymizer, rejected, accepted);
      }
    } finally {
      referenced.forEach(Dataset::unpersist);
    }
    return ValidationSummary.of(rejected, accepted);
  }

  /**
   * Writes one file's accepted rows to staging and adds its rejected rows and accepted counts per
   * delivery to the maps.
   */
  private static void writeTable(
      ValidationResult validation,
      FileSpec spec,
      Path staging,
      List<String> deliveryIds,
      Pseudonymizer pseudonymizer,
      Map<String, List<Row>> rejected,
      Map<String, Map<String, Long>> acceptedRows)
      throws IOException {
    RejectedRowsObservation observation = new RejectedRowsObservation();
    Dataset<Row> accepted = observation.accepted(validation.validatedByFile().get(spec.name()));
    Path table = staging.resolve(spec.name());
    // Rows arrive spread by delivery, so each delivery's rows become one file.
    WarehouseRows.toWarehouse(accepted, spec, pseudonymizer)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(SparkSchemas.DELIVERY_ID)
        .parquet(table.toString());
    rejected.put(spec.fileName(), observation.lines());
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String id : deliveryIds) {
      rows.put(id, FileInventory.parquetRowsIn(stagedTable(table, id)));
    }
    acceptedRows.put(spec.fileName(), rows);
  }

  /** Where a delivery's rows of a table are staged (by the partitioned write). */
  private static Path stagedTable(Path table, String deliveryId) {
    return table.resolve(SparkSchemas.DELIVERY_ID + "=" + deliveryId);
  }

  private SnapshotPointer prepare(
      SnapshotStore store,
      Path staging,
      DeliveryResult r,
      List<RejectedRowsLedger.Entry> ledgerRows)
      throws IOException {
    Delivery d = r.delivery();
    Map<String, Path> tables = new LinkedHashMap<>();
    for (FileSpec spec : model.deliveryFiles()) {
      tables.put(spec.name(), stagedTable(staging.resolve(spec.name()), d.id()));
    }
    Path csv = staging.resolve("avvisade_rader_" + d.id() + ".csv");
    RejectedRowsLedger.write(
        csv, List.of(), ledgerRows.stream().filter(e -> e.leverans().equals(d.label())).iterator());
    String snapshotId = d.deliveryDate() + "_" + r.checksum().substring(0, 12);
    SnapshotPointer pointer =
        new SnapshotPointer(d.district(), snapshotId, d.deliveryDate().toString(), r.checksum());
    store.prepare(pointer, tables, csv);
    return pointer;
  }

  /** The bytes of each delivery's files, by delivery id. */
  private static Map<String, Long> inputBytes(List<DeliveryInspection> inspections)
      throws IOException {
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (DeliveryInspection inspection : inspections) {
      long sum = 0;
      for (FileLayout layout : inspection.files().values()) {
        sum += Files.size(Path.of(layout.path()));
      }
      bytes.put(inspection.delivery().id(), sum);
    }
    return bytes;
  }

  private static List<String> fileNames(DeliveryInspection inspection) {
    return inspection.files().values().stream().map(l -> l.spec().fileName()).sorted().toList();
  }
}
