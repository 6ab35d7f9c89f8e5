package se.stockholm.sigstat.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession: embedded {@code local[*]} by default, or whatever master {@code
 * spark-submit} or the caller sets.
 */
public final class SparkSessions {
  /** Master used when neither the caller nor spark-submit names one. */
  public static final String DEFAULT_MASTER = "local[*]";

  /**
   * How many generated classes (whole-stage code, projections) Spark keeps for reuse. One
   * aggregation alone generates more than Spark's default of 100, so with the default a second
   * aggregation in the same JVM compiled everything again (Janino, then the JIT): at 100 000
   * persons a warm aggregation took 17–20 s with 100 and 9–10 s with 300 or more.
   */
  static final String CODEGEN_CACHE = "spark.sql.codegen.cache.maxEntries";

  static final String CODEGEN_CACHE_ENTRIES = "1000";

  /**
   * Spark 4 gives each session its own class loader on the executors, which looks up every class it
   * cannot find on the driver (remote in a cluster) before failing. Spark's code generator probes
   * many names that do not exist, so each stage's code took twice as long to compile (demo: 230
   * compilations in the tasks, 4.9 s against 2.2 s). sigstat runs one session and adds no artifacts
   * to it, so it has nothing to isolate.
   */
  static final String ARTIFACT_ISOLATION = "spark.sql.artifact.isolation.enabled";

  private SparkSessions() {}

  /**
   * The one rule for the Spark master: sigstat's {@code --master} flag, then spark-submit's {@code
   * --master} (which it passes as the system property spark.master), then the job file's {@code
   * spark.master}, then {@value #DEFAULT_MASTER}.
   */
  public static String resolveMaster(String flag, String jobFile) {
    String submitted = System.getProperty("spark.master");
    return flag != null
        ? flag
        : submitted != null ? submitted : jobFile != null ? jobFile : DEFAULT_MASTER;
  }

  /**
   * A session on {@code master} (null: as {@link #resolveMaster} decides without a flag). In local
   * mode the calling thread compiles Spark's generated code under the executor's class loader from
   * then on ({@link LocalCodegenSharing}).
   */
  public static SparkSession create(String master, Map<String, String> settings) {
    SparkSession.Builder b = SparkSession.builder().appName("sigstat");
    String chosen = resolveMaster(master, null);
    b.master(chosen);
    b.config("spark.ui.enabled", "false");
    b.config("spark.ui.showConsoleProgress", "false");
    // Dates travel as java.time.LocalDate in Rows, as everywhere else in sigstat.
    b.config("spark.sql.datetime.java8API.enabled", "true");
    // Adaptive execution re-plans after every shuffle and runs each query stage as a job of its
    // own: at city size that fixed cost outweighs what it saves (demo: ingest 17 -> 2 jobs,
    // aggregation 42 -> 8, statistik unchanged). So the number of shuffle partitions is chosen
    // up front: 8 below, and for aggregation sized to the warehouse (ShufflePartitions).
    b.config("spark.sql.adaptive.enabled", "false");
    if (sigstatChooses(b, settings, ShufflePartitions.KEY, ShufflePartitions.AUTO)) {
      // Until a job sizes them to its data (ShufflePartitions); ingest keeps this number.
      b.config(ShufflePartitions.KEY, "8");
    }
    b.config("spark.sql.session.timeZone", "Europe/Stockholm");
    Map.of(CODEGEN_CACHE, CODEGEN_CACHE_ENTRIES, ARTIFACT_ISOLATION, "false")
        .forEach(
            (key, value) -> {
              if (!userSets(settings, key)) {
                b.config(key, value);
              }
            });
    if (System.getenv("SPARK_LOCAL_IP") == null
        && System.getProperty("spark.driver.host") == null) {
      b.config("spark.driver.host", "127.0.0.1");
      b.config("spark.driver.bindAddress", "127.0.0.1");
    }
    if (chosen.startsWith("local")) {
      // Executors share this JVM, so they find the class; a cluster keeps Hadoop's own.
      b.config("spark.hadoop.fs.file.impl", LocalFilesWithoutShell.class.getName());
    }
    settings.forEach(b::config);
    if (!chosen.startsWith("local")
        && !settings.containsKey("spark.jars")
        && System.getProperty("spark.jars") == null) {
      // Started by the CLI, not spark-submit: the executors need sigstat's classes too.
      applicationJar().ifPresent(jar -> b.config("spark.jars", jar));
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    LocalCodegenSharing.apply(spark);
    return spark;
  }

  /**
   * Whether sigstat may choose {@code key} for the run: the user set it neither in the settings
   * (--conf, the job file) nor as a system property (spark-submit). If so, {@code auto} marks the
   * choice as sigstat's for {@link #choiceIsSigstats}.
   */
  private static boolean sigstatChooses(
      SparkSession.Builder b, Map<String, String> settings, String key, String auto) {
    boolean ours = !userSets(settings, key);
    if (ours) {
      b.config(auto, "true");
    }
    return ours;
  }

  /** Whether the user set {@code key}: in the settings (--conf, the job file) or spark-submit's. */
  private static boolean userSets(Map<String, String> settings, String key) {
    return settings.containsKey(key) || System.getProperty(key) != null;
  }

  /** Whether the setting marked by {@code auto} is sigstat's to choose in this session. */
  static boolean choiceIsSigstats(SparkSession spark, String auto) {
    return Boolean.parseBoolean(spark.conf().get(auto, "false"));
  }

  /** The jar sigstat runs from, if it runs from one (not from a classes folder). */
  static Optional<String> applicationJar() {
    java.security.CodeSource source = SparkSessions.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) ? Optional.of(p.toString()) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
