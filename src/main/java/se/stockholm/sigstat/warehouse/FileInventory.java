package se.stockholm.sigstat.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import se.stockholm.sigstat.ingest.Checksums;
import se.stockholm.sigstat.io.AtomicFiles;

/**
 * The files of one snapshot (or reference table version) as they were when it was prepared: path,
 * size, SHA-256 and, for Parquet files, rows (also summed per table folder, "." for the folder
 * itself). Kept in {@value #FILE} beside them, a name Spark skips when it reads the folder, so that
 * damage to the warehouse is found before it is read.
 */
public record FileInventory(Map<String, Long> rader, List<Entry> filer) {
  /** The inventory's own file name, in the folder it describes. */
  public static final String FILE = "_manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One file: its path relative to the folder, bytes, SHA-256 and rows (null if not Parquet). */
  public record Entry(
      String fil, @JsonProperty("byte") long bytes, String kontrollsumma, Long rader) {}

  /** Records every file under {@code dir} (sorted by path) and writes the inventory there. */
  public static FileInventory record(Path dir) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Long> rows = new TreeMap<>();
    for (Path f : files(dir)) {
      String rel = relative(dir, f);
      Long n = null;
      if (rel.endsWith(".parquet")) {
        n = parquetRows(f);
        rows.merge(rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : ".", n, Long::sum);
      }
      entries.add(new Entry(rel, Files.size(f), Checksums.ofFile(f), n));
    }
    FileInventory inventory = new FileInventory(rows, List.copyOf(entries));
    AtomicFiles.write(dir.resolve(FILE), JSON.writeValueAsBytes(inventory));
    return inventory;
  }

  /** The rows of the Parquet files in {@code dir} (0 when there is no such folder). */
  public static long parquetRowsIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long rows = 0;
    for (Path f : files(dir)) {
      if (f.getFileName().toString().endsWith(".parquet")) {
        rows += parquetRows(f);
      }
    }
    return rows;
  }

  /** The inventory recorded in {@code dir}, or null when there is none. */
  public static FileInventory read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    FileInventory inventory = JSON.readValue(f.toFile(), FileInventory.class);
    if (inventory.filer() == null) {
      throw new IOException(f + " has no file list");
    }
    return inventory;
  }

  /**
   * What differs between this inventory and the folder now, in Swedish, each naming the file by its
   * path under {@code shownAs}: missing, changed or added files.
   */
  public List<String> differences(Path dir, String shownAs) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Entry> expected = new LinkedHashMap<>();
    filer.forEach(e -> expected.put(e.fil(), e));
    for (Entry e : filer) {
      Path f = dir.resolve(e.fil());
      String name = shownAs + "/" + e.fil();
      if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
        problems.add("filen " + name + " saknas");
      } else if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(name + " är inte längre en vanlig fil");
      } else if (Files.size(f) != e.bytes()) {
        problems.add(
            "filen " + name + " har ändrats (" + Files.size(f) + " byte, var " + e.bytes() + ")");
      } else if (!Checksums.ofFile(f).equals(e.kontrollsumma())) {
        problems.add("filen " + name + " har ändrats (kontrollsumman stämmer inte)");
      }
    }
    for (Path f : entries(dir)) {
      String rel = relative(dir, f);
      if (!expected.containsKey(rel) && !rel.equals(FILE)) {
        problems.add("filen " + shownAs + "/" + rel + " har tillkommit efter inläsningen");
      }
    }
    return problems;
  }

  /** Every regular file under {@code dir} except the inventory, by path. */
  private static List<Path> files(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path f : entries(dir)) {
      if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && !relative(dir, f).equals(FILE)) {
        files.add(f);
      }
    }
    return files;
  }

  /** Everything under {@code dir} that is not a folder (links are not followed), by path. */
  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }

  private static String relative(Path dir, Path f) {
    return dir.relativize(f).toString().replace('\\', '/');
  }

  /**
   * Options for reading footers without Hadoop: ParquetFileReader's default options load a Hadoop
   * configuration (its XML resources) for every file, most of a footer read's time.
   */
  private static final ParquetReadOptions FOOTERS =
      ParquetReadOptions.builder(new PlainParquetConfiguration()).build();

  /**
   * The rows in a Parquet file's footer, read as a plain local file: through Hadoop's file system
   * each read cost about 5 ms (85 files per ingest at city size), this way well under one.
   */
  private static long parquetRows(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), FOOTERS)) {
      return reader.getRecordCount();
    }
  }
}
