package se.stockholm.sigstat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster (one master, one worker) on 127.0.0.1, started from the Spark
 * jars Maven already has: a folder laid out like a Spark installation ({@code SPARK_HOME/jars}
 * holding links to the jars) is all the worker needs to launch executors.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path sparkHome;
  private final Process master;
  private final Process worker;
  private final int webUiPort;
  private final String url;

  private StandaloneCluster(
      Path sparkHome, Process master, Process worker, int webUiPort, String url) {
    this.sparkHome = sparkHome;
    this.master = master;
    this.worker = worker;
    this.webUiPort = webUiPort;
    this.url = url;
  }

  /** Lays out SPARK_HOME under {@code dir} with the given jars and starts master and worker. */
  public static StandaloneCluster start(Path dir, List<Path> sparkJars, int cores)
      throws IOException, InterruptedException {
    Path home = dir.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    for (Path jar : sparkJars) {
      Files.createSymbolicLink(home.resolve("jars").resolve(jar.getFileName()), jar);
    }
    try (InputStream log = StandaloneCluster.class.getResourceAsStream("/log4j2.properties")) {
      Files.copy(log, home.resolve("conf/log4j2.properties"));
    }
    // The executors of every application, too, get the JIT for a test's small inputs.
    Files.writeString(
        home.resolve("conf/spark-defaults.conf"),
        "spark.executor.extraJavaOptions " + Cli.EXECUTOR_JIT + "\n");
    int port = freePort();
    int webUi = freePort();
    String url = "spark://127.0.0.1:" + port;
    Process master =
        launch(
            home,
            dir.resolve("master.log"),
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--webui-port",
            String.valueOf(webUi));
    Process worker =
        launch(
            home,
            dir.resolve("worker.log"),
            "org.apache.spark.deploy.worker.Worker",
            url,
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(freePort()),
            "--webui-port",
            String.valueOf(freePort()),
            "--cores",
            String.valueOf(cores),
            "--memory",
            "2g",
            "--work-dir",
            dir.resolve("worker").toString());
    StandaloneCluster cluster = new StandaloneCluster(home, master, worker, webUi, url);
    try {
      cluster.awaitAliveWorker();
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The master URL, {@code spark://127.0.0.1:<port>}. */
  public String url() {
    return url;
  }

  public Path sparkHome() {
    return sparkHome;
  }

  /** The master's and the worker's process ids. */
  public List<Long> pids() {
    return List.of(master.pid(), worker.pid());
  }

  /** The command a Spark installation's {@code spark-class} would run for {@code mainClass}. */
  public List<String> javaCommand(String mainClass, String... args) throws IOException {
    return javaCommand(sparkHome, mainClass, args);
  }

  private static List<String> javaCommand(Path sparkHome, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Cli.jvmOptions());
    cmd.add(Cli.C1_ALONE);
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("conf") + ":" + sparkHome.resolve("jars") + "/*");
    cmd.add(mainClass);
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  /** The environment the standalone daemons and spark-submit need. */
  public Map<String, String> environment() {
    return environment(sparkHome);
  }

  private static Map<String, String> environment(Path sparkHome) {
    return Map.of(
        "SPARK_HOME",
        sparkHome.toString(),
        "SPARK_SCALA_VERSION",
        "2.13",
        "SPARK_LOCAL_IP",
        "127.0.0.1");
  }

  private static Process launch(Path home, Path log, String mainClass, String... args)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(javaCommand(home, mainClass, args))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(environment(home));
    return pb.start();
  }

  private void awaitAliveWorker() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/")).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!master.isAlive() || !worker.isAlive()) {
        throw new IllegalStateException(
            "Spark master or worker exited; see master.log, worker.log");
      }
      try {
        String body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
        if (body.replace(" ", "").contains("\"aliveworkers\":1")) {
          return;
        }
      } catch (IOException notYet) {
        // The master's web UI is not up yet.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("No alive worker within " + START_TIMEOUT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Stops worker (and its executors) and master; waits until all have exited. */
  @Override
  public void close() throws InterruptedException {
    for (Process p : new Process[] {worker, master}) {
      if (p == null) {
        continue;
      }
      List<ProcessHandle> children = p.descendants().toList();
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      children.forEach(ProcessHandle::destroyForcibly);
    }
    // The links point into the Maven repository: remove them, not what they point at.
    try (Stream<Path> links = Files.list(sparkHome.resolve("jars"))) {
      for (Path link : links.toList()) {
        Files.deleteIfExists(link);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
