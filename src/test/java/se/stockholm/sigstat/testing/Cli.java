package se.stockholm.sigstat.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import se.stockholm.sigstat.cli.SigstatCommand;

/**
 * Runs the real sigstat CLI and captures its output: as a separate JVM, the way ./sigstat does
 * ({@link #run}), or inside the test's own JVM ({@link #inProcess}).
 */
public final class Cli {
  private Cli() {}

  /**
   * The JIT ./sigstat chooses for inputs as small as the tests' (LauncherIT): a test's CLI process
   * spends less time compiling code it runs a few thousand times.
   */
  public static final String C1_ALONE = "-XX:TieredStopAtLevel=1";

  /**
   * C1 alone gets a code cache of 48 MB, where the tiered JIT gets 240 MB. A test JVM that ran
   * Spark jobs for a while filled it and died ("Out of space in CodeCache for adapters", exit 50);
   * target/jvm.options gives the CLI's processes the larger one, this the executors of a cluster.
   */
  public static final String EXECUTOR_JIT = C1_ALONE + " -XX:ReservedCodeCacheSize=240m";

  /** Exit code and output of one run. */
  public record Run(int exitCode, String stdout, String stderr) {}

  /** A started CLI process and where its output goes. */
  public record Started(Process process, Path stdout, Path stderr) {}

  public static Run run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Started s = start(workDir, env, args);
    Process p = s.process();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("sigstat " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        p.exitValue(),
        Files.readString(s.stdout(), StandardCharsets.UTF_8),
        Files.readString(s.stderr(), StandardCharsets.UTF_8));
  }

  /**
   * Runs the CLI inside this JVM, for tests about what a command computes and writes. Tests about
   * the process itself (exit codes of a failure, a killed or locked run, spark-submit) use {@link
   * #run}. A warm JVM runs a small command in seconds, where a new one pays its start, class
   * loading and JIT again (validate of one delivery: 3-5 s against 16 s). Standard output and error
   * are captured, sigstat's own log lines at INFO as the product prints them; paths are resolved
   * against the test's working folder, so pass absolute ones.
   */
  public static synchronized Run inProcess(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    String loggers = "se.stockholm.sigstat";
    Level level = LogManager.getLogger(loggers).getLevel();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      Configurator.setLevel(loggers, Level.INFO);
      int code = SigstatCommand.execute(args);
      return new Run(
          code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      Configurator.setLevel(loggers, level);
    }
  }

  /** The JVM flags Spark needs (target/jvm.options, as ./sigstat passes them). */
  public static List<String> jvmOptions() throws IOException {
    Path jar = Path.of(System.getProperty("sigstat.jar", "target/sigstat.jar"));
    return Arrays.asList(Files.readString(jar.resolveSibling("jvm.options")).trim().split("\\s+"));
  }

  /** sigstat's own libraries (target/classpath.txt). */
  public static String libraries() throws IOException {
    return Files.readString(
            Path.of(System.getProperty("sigstat.classpath.file", "target/classpath.txt")))
        .trim();
  }

  /** Spark and its libraries, what a Spark installation provides (target/spark-classpath.txt). */
  public static String sparkLibraries() throws IOException {
    return Files.readString(
            Path.of(
                System.getProperty("sigstat.spark.classpath.file", "target/spark-classpath.txt")))
        .trim();
  }

  /** Starts the CLI without waiting for it. */
  public static Started start(Path workDir, Map<String, String> env, String... args)
      throws IOException {
    Path jar = Path.of(System.getProperty("sigstat.jar", "target/sigstat.jar")).toAbsolutePath();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions());
    cmd.add(C1_ALONE);
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(jar + ":" + libraries() + ":" + sparkLibraries());
    cmd.add("se.stockholm.sigstat.cli.SigstatCommand");
    cmd.addAll(Arrays.asList(args));
    Files.createDirectories(workDir);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    return new Started(pb.start(), out, err);
  }
}
