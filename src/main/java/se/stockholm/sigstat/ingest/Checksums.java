package se.stockholm.sigstat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 checksums of files and of whole delivery folders (names and contents). */
public final class Checksums {
  private Checksums() {}

  public static String ofFile(Path file) throws IOException {
    MessageDigest md = sha256();
    update(md, file);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Over every regular file of the folder in name order, so a renamed file changes it too. Links
   * are never followed: anything that is not a regular file counts by its name only.
   */
  public static String ofFolder(Path dir) throws IOException {
    MessageDigest md = sha256();
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    }
    for (Path f : entries) {
      md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        md.update((byte) 0);
        update(md, f);
      } else {
        md.update((byte) 1);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, Path file) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
