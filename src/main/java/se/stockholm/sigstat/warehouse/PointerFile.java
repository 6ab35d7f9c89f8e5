package se.stockholm.sigstat.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import se.stockholm.sigstat.failure.DataException;
import se.stockholm.sigstat.io.AtomicFiles;

/**
 * The pointer logic district snapshots and reference tables share: a small JSON file (CURRENT)
 * names the live version folder; it is read with damage reported as such, replaced in one rename,
 * and version folders it does not name (left by a killed run) are removed.
 *
 * @param <P> the pointer's content
 */
final class PointerFile<P> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final WarehouseLayout layout;
  private final Class<P> type;
  private final Predicate<P> complete;
  private final Function<P, String> folder;

  /**
   * @param complete whether a read pointer has every field it needs
   * @param folder the version folder a pointer names
   */
  PointerFile(
      WarehouseLayout layout, Class<P> type, Predicate<P> complete, Function<P, String> folder) {
    this.layout = layout;
    this.type = type;
    this.complete = complete;
    this.folder = folder;
  }

  /**
   * The pointer in {@code file}, empty if there is none; unreadable, it is damage to the warehouse,
   * named with {@code subject} (a district, or empty for a table).
   */
  Optional<P> read(Path file, String subject) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    P p;
    try {
      p = JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw broken(file, subject, e);
    }
    if (p == null || !complete.test(p)) {
      throw broken(file, subject, null);
    }
    return Optional.of(p);
  }

  /**
   * Points {@code file} at {@code next} in one rename, then removes the version folder (under
   * {@code versions}) of the pointer it replaced, unless that is the same folder.
   */
  void replace(Path file, P next, Path versions, String subject) throws IOException {
    Optional<P> previous = read(file, subject);
    AtomicFiles.writeString(file, JSON.writeValueAsString(next));
    previous
        .map(folder)
        .filter(f -> !f.equals(folder.apply(next)))
        .ifPresent(f -> AtomicFiles.deleteTree(versions.resolve(f)));
  }

  /** Removes every version folder under {@code versions} that {@code file} does not name. */
  void removeUnnamed(Path file, Path versions, String subject) throws IOException {
    if (!Files.isDirectory(versions)) {
      return;
    }
    String live = read(file, subject).map(folder).orElse(null);
    try (Stream<Path> all = Files.list(versions)) {
      for (Path v : all.filter(Files::isDirectory).toList()) {
        if (!v.getFileName().toString().equals(live)) {
          AtomicFiles.deleteTree(v);
        }
      }
    }
  }

  private DataException broken(Path file, String subject, Exception cause) {
    return new DataException(
        "Lagret "
            + layout.root()
            + " är skadat: "
            + (subject.isEmpty() ? "" : subject + ": ")
            + "pekaren "
            + layout.root().relativize(file)
            + " går inte att läsa. "
            + WarehouseVerifier.REPAIR,
        cause);
  }
}
