package se.stockholm.sigstat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.testing.Cli;
import se.stockholm.sigstat.testing.StandaloneCluster;

/**
 * sigstat on a real Spark standalone cluster (master and worker on 127.0.0.1, started from the
 * Maven jars): the aggregation from the CLI with {@code --master spark://…}, and the whole nightly
 * job as the application jar under SparkSubmit, as {@code spark-submit} runs it, with only Spark's
 * own jars on the cluster. Both must give the statistik of local mode, byte for byte.
 */
// Last: the in-process ITs run on the other thread before it, beside NightlyCliIT.
@Order(9)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {
  private static final String MAIN = "se.stockholm.sigstat.cli.SigstatCommand";

  @TempDir static Path dir;
  StandaloneCluster cluster;
  byte[] localStatistik;

  @BeforeAll
  void generateRunLocallyAndStartTheCluster() throws Exception {
    assertThat(
            Cli.run(
                    dir,
                    Map.of(),
                    "generate",
                    "--persons",
                    "300",
                    "--seed",
                    "9",
                    "--out",
                    dir.toString())
                .exitCode())
        .isZero();
    Files.writeString(dir.resolve("nyckel.txt"), "cluster-integration-test-key");
    Cli.Run local =
        Cli.run(dir, Map.of(), "nightly", "--job", job("lokal", "local[2]", false).toString());
    assertThat(local.exitCode()).as(local.stderr()).isZero();
    localStatistik = Files.readAllBytes(dir.resolve("ut-lokal/senaste/statistik.csv"));
    cluster = StandaloneCluster.start(dir.resolve("cluster"), sparkInstallationJars(), 2);
  }

  @AfterAll
  void stopTheCluster() throws Exception {
    if (cluster == null) {
      return;
    }
    List<Long> pids = cluster.pids();
    cluster.close();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("process %d stopped", pid)
          .isFalse();
    }
  }

  @Test
  void theAggregationFromTheCliWithMasterSparkRunsOnTheClusterWithTheFiguresOfLocalMode()
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "aggregate",
                "--warehouse",
                dir.resolve("lager-lokal").toString(),
                "--out",
                dir.resolve("kluster").toString(),
                "--look-back",
                "1",
                "--master",
                cluster.url(),
                // Not started by spark-submit, so spark-defaults.conf is not read: the same JIT.
                "--conf",
                "spark.executor.extraJavaOptions=" + Cli.EXECUTOR_JIT));
    // The local run's report periods, so that a run across midnight still compares like for like.
    for (JsonNode p :
        new ObjectMapper()
            .readTree(dir.resolve("ut-lokal/senaste/statistik.json").toFile())
            .path("perioder")) {
      if (p.path("rapportperiod").asBoolean()) {
        args.addAll(List.of("--period", p.path("period").asText()));
      }
    }
    Cli.Run run = Cli.run(dir, Map.of(), args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(applicationsOnTheWorker()).isNotEmpty();
    assertThat(Files.readAllBytes(dir.resolve("kluster/statistik.csv"))).isEqualTo(localStatistik);
  }

  @Test
  void theApplicationJarRunsUnderSparkSubmitWithOnlySparksOwnJarsOnTheCluster() throws Exception {
    Path appJar =
        Path.of(System.getProperty("sigstat.spark.jar", "target/sigstat-spark.jar"))
            .toAbsolutePath();
    List<String> cmd =
        cluster.javaCommand(
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            cluster.url(),
            "--class",
            MAIN,
            appJar.toString(),
            "nightly",
            "--job",
            job("submit", null, true).toString());
    Path log = dir.resolve("spark-submit.log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(cluster.environment());
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(log);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("session " + cluster.url());
    Path run = dir.resolve("ut-submit/senaste");
    assertThat(Files.readAllBytes(run.resolve("statistik.csv"))).isEqualTo(localStatistik);
    try (Stream<Path> files = Files.list(run)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xlsx")))
          .hasSize(13);
    }
  }

  /** A job file of its own (warehouse and output) over the shared deliveries. */
  private static Path job(String name, String master, boolean reports) throws IOException {
    Path job = dir.resolve("jobb-" + name + ".yaml");
    Files.writeString(
        job,
        String.join(
            "\n",
            "leveranser: leveranser",
            "warehouse: lager-" + name,
            "create-warehouse: true",
            "output: ut-" + name,
            "befolkning: befolkning.csv",
            "key-file: nyckel.txt",
            "periods: [current-year-to-date, previous-year]",
            "look-back-years: 1",
            "reports: " + reports,
            master == null ? "" : "spark: {master: '" + master + "'}",
            ""));
    return job;
  }

  private List<Path> applicationsOnTheWorker() throws IOException {
    try (Stream<Path> apps = Files.list(dir.resolve("cluster/worker"))) {
      return apps.filter(a -> a.getFileName().toString().startsWith("app-")).toList();
    }
  }

  /**
   * What a Spark installation has in its jars folder: Spark's dependency tree, including the
   * libraries sigstat shares with it, but none of those sigstat bundles in its application jar.
   */
  private static List<Path> sparkInstallationJars() throws IOException {
    Set<String> bundled;
    try (ZipFile app =
        new ZipFile(System.getProperty("sigstat.spark.jar", "target/sigstat-spark.jar"))) {
      bundled =
          app.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.endsWith(".class"))
              .collect(Collectors.toSet());
    }
    List<Path> jars = new ArrayList<>();
    for (String j : Cli.sparkLibraries().split(":")) {
      jars.add(Path.of(j));
    }
    for (String j : Cli.libraries().split(":")) {
      if (!isBundled(Path.of(j), bundled)) {
        jars.add(Path.of(j));
      }
    }
    return jars;
  }

  private static boolean isBundled(Path jar, Set<String> bundledClasses) throws IOException {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      return z.stream()
          .map(ZipEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.contains("module-info"))
          .findFirst()
          .map(bundledClasses::contains)
          .orElse(false);
    }
  }
}
