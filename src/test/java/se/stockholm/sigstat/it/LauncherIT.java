package se.stockholm.sigstat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of JIT: C1 alone for runs it can tell are small, the JVM's own choice
 * otherwise (SIGSTAT_DRY_RUN prints the java command instead of running it).
 */
class LauncherIT {
  private static final String C1_ALONE = "-XX:TieredStopAtLevel=1";
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void theDemoOfACitysSizeRunsOnC1AloneAndALargeDemoDoesNot() throws Exception {
    assertThat(command(Map.of(), "demo")).contains(C1_ALONE);
    assertThat(command(Map.of(), "-v", "demo", "--persons=2000")).contains(C1_ALONE);
    assertThat(command(Map.of(), "demo", "--persons", "100000")).doesNotContain(C1_ALONE);
  }

  @Test
  void aRunOnC1AloneKeepsTheTieredJitsCodeCache() throws Exception {
    // C1 alone would get 48 MB; the demo's compiled code is 33 MB, a test JVM's 72 MB.
    assertThat(command(Map.of(), "demo")).contains(C1_ALONE, "-XX:ReservedCodeCacheSize=240m");
  }

  @Test
  void transparentHugePagesWhereTheKernelGivesThemOnRequest() throws Exception {
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest = Files.isReadable(thp) && Files.readString(thp).contains("[madvise]");
    String flag = "-XX:+UseTransparentHugePages";
    for (String[] call : List.of(new String[] {"demo"}, new String[] {"bench", "--persons", "9"})) {
      if (onRequest) {
        assertThat(command(Map.of(), call)).contains(flag);
      } else {
        assertThat(command(Map.of(), call)).doesNotContain(flag);
      }
    }
  }

  @Test
  void ingestAndNightlyChooseByTheBytesOfTheDeliveries() throws Exception {
    Path small = deliveries("sma", 2 * MIB);
    Path large = deliveries("stora", 40 * MIB);
    assertThat(command(Map.of(), "ingest", "--deliveries", small.toString())).contains(C1_ALONE);
    assertThat(command(Map.of(), "ingest", "--leveranser=" + large)).doesNotContain(C1_ALONE);
    Path job = dir.resolve("jobb.yaml");
    Files.writeString(job, "# a job\ndeliveries: 'stora'   # the districts' deliveries\n");
    assertThat(command(Map.of(), "nightly", "--job", job.toString())).doesNotContain(C1_ALONE);
    Files.writeString(job, "leveranser: sma\nwarehouse: lager\n");
    assertThat(command(Map.of(), "nightly", "--job", job.toString())).contains(C1_ALONE);
    assertThat(command(Map.of(), "validate", large.resolve("FARSTA").toString()))
        .doesNotContain(C1_ALONE);
  }

  @Test
  void unknownInputsKeepTheJvmsChoiceAndTheEnvironmentOverrides() throws Exception {
    assertThat(command(Map.of(), "nightly", "--job", dir.resolve("saknas.yaml").toString()))
        .doesNotContain(C1_ALONE);
    assertThat(command(Map.of(), "aggregate", "--warehouse", dir.resolve("saknas").toString()))
        .doesNotContain(C1_ALONE);
    assertThat(command(Map.of("SIGSTAT_JIT", "c2"), "demo")).doesNotContain(C1_ALONE);
    assertThat(command(Map.of("SIGSTAT_JIT", "c1"), "demo", "--persons", "100000"))
        .contains(C1_ALONE);
  }

  /**
   * The class-data archive is written by the first Spark command after a build; a call that stops
   * early (a mistake, --help) loads a few hundred classes, and its archive must not stand in for
   * the whole one. Run from a copy of the launcher whose target/ links to the built files, so the
   * project's own archive is left alone.
   */
  @Test
  void aCallThatStopsEarlyLeavesNoClassDataArchive() throws Exception {
    Path home = Files.createDirectories(dir.resolve("sigstat-hem"));
    Path target = Files.createDirectories(home.resolve("target"));
    for (String f : List.of("sigstat.jar", "classpath.txt", "spark-classpath.txt", "jvm.options")) {
      Files.createSymbolicLink(target.resolve(f), Path.of("target", f).toAbsolutePath());
    }
    Files.copy(Path.of("sigstat"), home.resolve("sigstat"));
    home.resolve("sigstat").toFile().setExecutable(true);

    Ran mistake = run(home, "aggregate", "--warehouse", dir.resolve("saknas").toString());
    assertThat(mistake.exitCode()).as(mistake.output()).isEqualTo(2);
    Ran help = run(home, "validate", "--help");
    assertThat(help.exitCode()).as(help.output()).isZero();
    try (var left = Files.list(target)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("sigstat.jsa"));
    }
  }

  /** A launcher call's exit code and what it printed (shown when an assertion fails). */
  private record Ran(int exitCode, String output) {}

  private Ran run(Path home, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(home.resolve("sigstat").toString()));
    cmd.addAll(List.of(args));
    Path output = dir.resolve("utdata.txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
    return new Ran(p.exitValue(), Files.readString(output));
  }

  /** A deliveries folder with one district's file of {@code bytes} (sparse: no disk is used). */
  private Path deliveries(String name, long bytes) throws IOException {
    Path farsta = Files.createDirectories(dir.resolve(name).resolve("FARSTA"));
    try (RandomAccessFile f = new RandomAccessFile(farsta.resolve("insatser.csv").toFile(), "rw")) {
      f.setLength(bytes);
    }
    return dir.resolve(name);
  }

  /** The java command ./sigstat would run for {@code args}. */
  private String command(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of("sigstat").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("SIGSTAT_DRY_RUN", "1");
    pb.environment().remove("SIGSTAT_JIT");
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("se.stockholm.sigstat.cli.SigstatCommand");
    return out;
  }
}
