package se.stockholm.sigstat.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** File operations that never leave a half-written file where a reader can see it. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes to a temporary file beside the target, then renames it over the target. */
  public static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(tmp, content);
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Renames atomically (same file system), replacing the target. A file is made readable by group
   * and others first: temporary files are created owner-only, published ones are read by analysts
   * and other jobs.
   */
  public static void move(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from)) {
      try {
        Files.setPosixFilePermissions(
            from, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: keep what the file system gives.
      }
    }
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("Atomic rename is not supported from " + from + " to " + to, e);
    }
  }

  /**
   * Removes the temporary files a killed writer left in {@code dir} (hidden, ending in .tmp: the
   * names this class and the workbook and chart writers give them); call before writing there.
   */
  public static int removeLeftovers(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> leftovers;
    try (Stream<Path> s = Files.list(dir)) {
      leftovers =
          s.filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(".") && n.endsWith(".tmp");
                  })
              .toList();
    }
    for (Path p : leftovers) {
      deleteTree(p);
    }
    return leftovers.size();
  }

  /** Deletes a folder tree if it exists. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }
}
