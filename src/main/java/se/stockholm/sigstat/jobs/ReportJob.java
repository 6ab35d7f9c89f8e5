package se.stockholm.sigstat.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.stockholm.sigstat.io.AtomicFiles;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.publish.RunDeliveries;
import se.stockholm.sigstat.reporting.ReportData;
import se.stockholm.sigstat.reporting.ReportDefinition;
import se.stockholm.sigstat.reporting.ReportDefinitions;
import se.stockholm.sigstat.reporting.charts.CostPerParticipantChart;
import se.stockholm.sigstat.reporting.charts.GenderComparisonChart;
import se.stockholm.sigstat.reporting.charts.OutcomeByDomainChart;
import se.stockholm.sigstat.reporting.charts.ParticipantsByDistrictChart;
import se.stockholm.sigstat.reporting.charts.ReportChart;
import se.stockholm.sigstat.reporting.charts.TrendChart;
import se.stockholm.sigstat.reporting.excel.WorkbookContext;
import se.stockholm.sigstat.reporting.excel.WorkbookWriter;

/**
 * Report: the workbooks and charts of reports/ written from a run folder's protected statistik
 * table: the city-wide workbook, one per district and the district comparison.
 */
public final class ReportJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);
  private static final List<ReportChart> CHARTS =
      List.of(
          new ParticipantsByDistrictChart(),
          new OutcomeByDomainChart(),
          new TrendChart(),
          new CostPerParticipantChart(),
          new GenderComparisonChart());

  /** The workbooks written, the city-wide one first. */
  public record Result(List<Path> workbooks, long millis) {}

  private final FollowUpModel model;
  private final Clock clock;

  /** A report job whose run time (shown on Om rapporten) comes from {@code clock}. */
  public ReportJob(FollowUpModel model, Clock clock) {
    this.model = model;
    this.clock = clock;
  }

  public Result run(Path runDir) throws IOException {
    long t0 = System.nanoTime();
    // Half-written workbooks and charts of a killed report; never shown, but never left either.
    int leftovers =
        AtomicFiles.removeLeftovers(runDir) + AtomicFiles.removeLeftovers(runDir.resolve("charts"));
    if (leftovers > 0) {
      LOG.debug("report: removed {} temporary files left by an earlier, killed run", leftovers);
    }
    ReportData data =
        new ReportData(
            PublishedTable.read(runDir),
            model,
            RunDeliveries.read(runDir),
            clock.instant(),
            version());
    List<Callable<Path>> tasks = new ArrayList<>();
    for (ReportDefinition def : ReportDefinitions.load(model)) {
      List<String> focuses = new ArrayList<>();
      if (def.scope() == ReportDefinition.Scope.DISTRICT) {
        data.districts().stream().filter(d -> !d.equals(data.city())).forEach(focuses::add);
      } else {
        focuses.add(null);
      }
      for (String district : focuses) {
        tasks.add(() -> workbook(data, def, district, runDir));
      }
    }
    // Workbooks are independent: write them on all cores.
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    List<Path> written = new ArrayList<>();
    try {
      for (Future<Path> f : pool.invokeAll(tasks)) {
        written.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Report writing was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.debug("report: {} workbooks ({} ms)", written.size(), ms);
    return new Result(written, ms);
  }

  private Path workbook(ReportData all, ReportDefinition def, String district, Path runDir)
      throws IOException {
    // Budget figures exist for calendar years: the comparison is about one year, named once.
    ReportData data =
        def.scope() == ReportDefinition.Scope.COMPARISON ? all.withPeriod(all.yearPeriod()) : all;
    long t0 = System.nanoTime();
    // CPU time of this thread as well: on a shared machine wall time mostly measures the others.
    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    String districtName = district == null ? "" : data.labels().value("stadsdel", district, null);
    String file =
        def.file()
            .replace("{period}", safe(data.period().code()))
            .replace("{district}", safe(districtName));
    String stem = file.replace(".xlsx", "");
    Map<String, WorkbookContext.ChartImage> charts = new LinkedHashMap<>();
    for (String name : chartsOf(def)) {
      ReportChart chart =
          CHARTS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
      WorkbookContext.ChartImage image =
          chart.render(
              data,
              district == null ? data.city() : district,
              runDir.resolve("charts").resolve(stem + "_" + name + ".png"));
      if (image != null) {
        charts.put(name, image);
      }
    }
    String title = def.title().replace("{district}", districtName);
    Path written =
        WorkbookWriter.write(
            new WorkbookContext(data, def, title, district, charts, null), runDir.resolve(file));
    LOG.debug(
        "report: {} ({} ms, {} ms CPU)",
        file,
        (System.nanoTime() - t0) / 1_000_000,
        (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0)
            / 1_000_000);
    return written;
  }

  private static Set<String> chartsOf(ReportDefinition def) {
    Set<String> names = new LinkedHashSet<>();
    def.sheets().forEach(s -> names.addAll(s.charts()));
    return names;
  }

  /** File-name form: ASCII letters, digits, - and _ (Hägersten-Älvsjö -> Hagersten-Alvsjo). */
  static String safe(String s) {
    String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.replace("..", "_").replaceAll("[^A-Za-z0-9_-]+", "_");
  }

  static String version() {
    String v = ReportJob.class.getPackage().getImplementationVersion();
    return v == null ? "utvecklingsversion" : v;
  }
}
