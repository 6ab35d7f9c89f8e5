package se.stockholm.sigstat.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import se.stockholm.sigstat.io.AtomicFiles;

/**
 * The output folder: complete runs as {@code <run-id>/}, work in progress as {@code
 * .pagaende-<run-id>/} (never read), {@code senaste} a link to the newest complete run, replaced
 * last and atomically, and {@code loggar/} with a log per run.
 */
public final class RunFolders {
  public static final String LATEST = "senaste";
  public static final String IN_PROGRESS = ".pagaende-";
  private static final String RUN_ID = "\\d{8}-\\d{6}";
  private final Path output;

  public RunFolders(Path output) {
    this.output = output;
  }

  public Path inProgress(String runId) {
    return output.resolve(IN_PROGRESS + runId);
  }

  public Path log(String runId) {
    return output.resolve("loggar").resolve(runId + ".log");
  }

  /** Removes work left by killed runs (call while holding the run lock). */
  public void clearLeftovers() throws IOException {
    if (!Files.isDirectory(output)) {
      return;
    }
    try (Stream<Path> s = Files.list(output)) {
      s.filter(p -> p.getFileName().toString().startsWith(IN_PROGRESS))
          .forEach(AtomicFiles::deleteTree);
    }
  }

  /** Makes a finished run visible under its run id (senaste is moved separately, last). */
  public Path publish(String runId) throws IOException {
    Path done = output.resolve(runId);
    AtomicFiles.move(inProgress(runId), done);
    return done;
  }

  /** Points senaste at a published run, in one rename. */
  public void pointLatest(String runId) throws IOException {
    Path tmpLink = output.resolve("." + LATEST + "-" + runId);
    Files.deleteIfExists(tmpLink);
    Files.createSymbolicLink(tmpLink, Path.of(runId));
    AtomicFiles.move(tmpLink, output.resolve(LATEST));
  }

  /** Complete runs, oldest first. */
  public List<Path> runs() throws IOException {
    List<Path> runs = new ArrayList<>();
    if (Files.isDirectory(output)) {
      try (Stream<Path> s = Files.list(output)) {
        s.filter(
                p ->
                    Files.isDirectory(p)
                        && !Files.isSymbolicLink(p)
                        && p.getFileName().toString().matches(RUN_ID))
            .sorted()
            .forEach(runs::add);
      }
    }
    return runs;
  }

  /** Keeps the newest {@code keep} runs (never the one senaste points at). */
  public int retain(int keep) throws IOException {
    List<Path> runs = runs();
    Path latest =
        Files.isSymbolicLink(output.resolve(LATEST))
            ? output.resolve(Files.readSymbolicLink(output.resolve(LATEST))).normalize()
            : null;
    int removed = 0;
    for (int i = 0; i < runs.size() - keep; i++) {
      if (!runs.get(i).normalize().equals(latest)) {
        AtomicFiles.deleteTree(runs.get(i));
        Files.deleteIfExists(log(runs.get(i).getFileName().toString()));
        removed++;
      }
    }
    return removed;
  }
}
