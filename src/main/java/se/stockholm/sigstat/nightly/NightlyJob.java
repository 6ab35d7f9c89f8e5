package se.stockholm.sigstat.nightly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import se.stockholm.sigstat.aggregation.FollowUpStatistics;
import se.stockholm.sigstat.config.Settings;
import se.stockholm.sigstat.disclosure.FrequencyRule;
import se.stockholm.sigstat.failure.AuditFailedException;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.failure.RunFailedException;
import se.stockholm.sigstat.failure.SigstatException;
import se.stockholm.sigstat.ingest.Checksums;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.ingest.PseudonymKey;
import se.stockholm.sigstat.ingest.Pseudonymizer;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.jobs.AggregateJob;
import se.stockholm.sigstat.jobs.DeliveryResult;
import se.stockholm.sigstat.jobs.IngestJob;
import se.stockholm.sigstat.jobs.ReportJob;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.publish.ProtectionSummary;
import se.stockholm.sigstat.spark.SparkSessions;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.warehouse.WarehouseLayout;

/**
 * The nightly run a scheduler starts: ingest → aggregate → protect → audit → report, under a lock
 * per warehouse, into a run folder that only becomes visible when complete; out/senaste is moved
 * last. Returns the exit code the scheduler acts on.
 */
public final class NightlyJob {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  /** A published run: its exit code (0, or 3 when a delivery was rejected), id and folder. */
  public record Result(ExitCode exitCode, String runId, Path runDir) {}

  private final FollowUpModel model;
  private final Clock clock;

  public NightlyJob(FollowUpModel model, Clock clock) {
    this.model = model;
    this.clock = clock;
  }

  /**
   * Runs the job. Returns only when the run was published (exit code 0, or 3 when a delivery was
   * rejected); every failure is thrown as its kind, after the full error went to the run log.
   */
  public Result run(Settings cfg) throws IOException {
    Instant started = clock.instant();
    String runId =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(STOCKHOLM).format(started);
    cfg.require(cfg.deliveries(), "deliveries");
    cfg.require(cfg.warehouse(), "warehouse");
    cfg.require(cfg.output(), "output");
    checkPaths(cfg);
    boolean created = false;
    WarehouseLayout layout = new WarehouseLayout(cfg.warehouse());
    if (!layout.exists()) {
      if (!cfg.createWarehouse()) {
        throw new ConfigurationException(
            "Lagret "
                + cfg.warehouse()
                + " finns inte. Kontrollera warehouse"
                + (cfg.jobFile() == null ? "" : " i jobbfilen " + cfg.jobFile())
                + ", eller ange create-warehouse: true i jobbfilen (eller --create-warehouse) "
                + "för att börja med ett nytt, tomt lager");
      }
      layout.create();
      created = true;
    }
    try (RunLock lock = RunLock.acquire(cfg.warehouse())) {
      RunFolders folders = new RunFolders(cfg.output());
      folders.clearLeftovers();
      Path work = folders.inProgress(runId);
      Files.createDirectories(work);
      try (RunLog log = new RunLog(folders.log(runId), runId, clock)) {
        log.line(
            "sigstat nightly "
                + runId
                + " startar"
                + (cfg.jobFile() == null ? "" : ": jobb " + cfg.jobFile()));
        if (created) {
          log.line("nytt, tomt lager skapat i " + cfg.warehouse() + " (create-warehouse)");
        }
        try {
          return runStages(cfg, runId, started, work, folders, log);
        } catch (RuntimeException | IOException e) {
          // The screen gets one line from the CLI's handler; the run log gets everything.
          log.failure(
              "MISSLYCKADES: "
                  + (e instanceof SigstatException ? e.getMessage() : "oväntat fel")
                  + " (inget publicerades; föregående körning gäller)",
              e);
          AtomicFiles.deleteTree(work);
          if (e instanceof SigstatException known) {
            throw known;
          }
          throw new RunFailedException(
              "Körningen "
                  + runId
                  + " misslyckades av ett oväntat fel; inget publicerades och föregående körning "
                  + "gäller. Hela felet finns i körloggen "
                  + folders.log(runId),
              folders.log(runId),
              e);
        }
      }
    }
  }

  /** The job's folders, checked before anything is locked or written. */
  private static void checkPaths(Settings cfg) {
    if (!Files.isDirectory(cfg.deliveries())) {
      throw new ConfigurationException(
          "Leveransmappen " + cfg.deliveries() + " finns inte (deliveries" + in(cfg) + ")");
    }
    if (Files.exists(cfg.output()) && !Files.isDirectory(cfg.output())) {
      throw new ConfigurationException(
          "Utmappen " + cfg.output() + " finns men är ingen mapp (output" + in(cfg) + ")");
    }
    if (Files.exists(cfg.warehouse()) && !Files.isDirectory(cfg.warehouse())) {
      throw new ConfigurationException(
          "Lagret " + cfg.warehouse() + " finns men är ingen mapp (warehouse" + in(cfg) + ")");
    }
  }

  private static String in(Settings cfg) {
    return cfg.jobFile() == null ? "" : " i " + cfg.jobFile();
  }

  private Result runStages(
      Settings cfg, String runId, Instant started, Path work, RunFolders folders, RunLog log)
      throws IOException {
    LocalDate today = LocalDate.ofInstant(started, STOCKHOLM);
    List<ReportingPeriod> periods = cfg.reportPeriods(today);
    Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymKey.resolve(cfg.keyFile()));
    long t = System.nanoTime();
    SparkSession spark = SparkSessions.create(cfg.sparkMaster(), cfg.sparkSettings());
    log.stage("spark", "session " + spark.sparkContext().master(), t);
    IngestJob.Result ingest;
    AggregateJob.Result statistics;
    try {
      t = System.nanoTime();
      // Deferred: the warehouse changes only once this run's outputs are complete.
      ingest =
          new IngestJob(model, clock)
              .run(
                  spark,
                  new IngestJob.Request(
                      cfg.deliveries(),
                      cfg.warehouse(),
                      pseudonyms,
                      cfg.maxRejectedPercent() / 100.0,
                      cfg.populationFile(),
                      true));
      long read = ingest.deliveries().stream().mapToLong(DeliveryResult::read).sum();
      long rejected = ingest.deliveries().stream().mapToLong(DeliveryResult::rejected).sum();
      long changed =
          ingest.deliveries().stream().filter(d -> d.status() != DeliveryStatus.OFORANDRAD).count();
      log.stage(
          "ingest",
          String.format(
              "%d leveranser, %d ändrade, %d rader lästa, %d avvisade%s",
              ingest.deliveries().size(),
              changed,
              read,
              rejected,
              ingest.partial() ? "; AVVISAD LEVERANS, se leveranser.json" : ""),
          t);
      for (DeliveryResult d : ingest.deliveries()) {
        if (d.status().isRejected()) {
          log.line("           avvisad: " + d.delivery().label() + ": " + d.reason());
        }
      }
      t = System.nanoTime();
      statistics =
          new AggregateJob(model)
              .run(
                  spark,
                  cfg.warehouse(),
                  ingest.pending(),
                  new FollowUpStatistics.Settings(
                      periods, cfg.lookBackYears(), cfg.districtStructure(periods)),
                  new FrequencyRule(cfg.minCell()),
                  work);
      log.stageTook(
          "verify",
          String.format(
              "%d ögonblicksbilder och referenstabeller, %d filer oförändrade",
              statistics.verification().checked().size(), statistics.verification().files()),
          statistics.verifyMillis());
      log.stageTook(
          "aggregate",
          String.format(
              "%d celler, %d prickade, k = %d",
              statistics.table().cells().size(),
              statistics.table().suppressedCount(),
              cfg.minCell()),
          (System.nanoTime() - t) / 1_000_000
              - statistics.verifyMillis()
              - statistics.auditMillis());
    } finally {
      spark.stop();
    }
    if (!statistics.auditFindings().isEmpty()) {
      statistics.auditFindings().forEach(f -> log.line("           granskning: " + f));
      throw new AuditFailedException(statistics.auditFindings());
    }
    log.stageTook(
        "audit",
        String.format(
            "godkänd: %d samband prövade, inget prickat antal kunde räknas fram",
            statistics.audit().relations()),
        statistics.auditMillis());
    int workbooks = 0;
    if (cfg.reports()) {
      t = System.nanoTime();
      workbooks = new ReportJob(model, clock).run(work).workbooks().size();
      log.stage("report", workbooks + " arbetsböcker", t);
    }
    ExitCode code = ingest.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    writeManifest(cfg, runId, started, work, ingest, statistics, periods, log, code);
    // Order matters for a run killed halfway: the complete run folder first, then the
    // warehouse, and senaste last.
    Path published = folders.publish(runId);
    IngestJob.commit(ingest);
    folders.pointLatest(runId);
    int removed = folders.retain(cfg.keepRuns());
    log.line(
        String.format(
            "klar: %s publicerad, %s -> %s, %d gamla körningar borttagna, " + "slutkod %d",
            published, RunFolders.LATEST, runId, removed, code.code()));
    return new Result(code, runId, published);
  }

  private void writeManifest(
      Settings cfg,
      String runId,
      Instant started,
      Path work,
      IngestJob.Result ingest,
      AggregateJob.Result statistics,
      List<ReportingPeriod> periods,
      RunLog log,
      ExitCode code)
      throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("korning", runId);
    if (cfg.jobFile() != null) {
      m.put("jobb", cfg.jobFile().toAbsolutePath().toString());
    }
    m.put("start", started.toString());
    m.put("slut", clock.instant().toString());
    m.put("slutkod", code.code());
    ObjectNode versions = m.putObject("versioner");
    versions.put(
        "sigstat", String.valueOf(NightlyJob.class.getPackage().getImplementationVersion()));
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("java", System.getProperty("java.version"));
    m.put("k", cfg.minCell());
    ArrayNode ps = m.putArray("perioder");
    periods.forEach(p -> ps.add(p.code()));
    ArrayNode inputs = m.putArray("leveranser");
    for (DeliveryResult d : ingest.deliveries()) {
      ObjectNode n = inputs.addObject();
      n.put("leverans", d.delivery().label());
      n.put("kontrollsumma", d.checksum());
      n.put("status", d.status().name());
      if (d.reason() != null) {
        n.put("orsak", d.reason());
      }
      ArrayNode files = n.putArray("filer");
      for (FileCounts f : d.files()) {
        files
            .addObject()
            .put("fil", f.file())
            .put("lasta", f.read())
            .put("godkanda", f.accepted())
            .put("avvisade", f.rejected());
      }
    }
    ObjectNode stages = m.putObject("steg_ms");
    log.stageMillis().forEach(stages::put);
    ArrayNode outputs = m.putArray("utdata");
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        outputs
            .addObject()
            .put("fil", work.relativize(f).toString())
            .put("kontrollsumma", Checksums.ofFile(f))
            .put("byte", Files.size(f));
      }
    }
    m.put("celler", statistics.table().cells().size());
    m.set("rojandekontroll", JSON.valueToTree(ProtectionSummary.of(statistics.audit())));
    AtomicFiles.write(work.resolve("manifest.json"), JSON.writeValueAsBytes(m));
  }
}
