package se.stockholm.sigstat.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real sigstat CLI as a separate JVM, the way ./sigstat does, and captures its output. */
public final class Cli {
  private Cli() {}

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
