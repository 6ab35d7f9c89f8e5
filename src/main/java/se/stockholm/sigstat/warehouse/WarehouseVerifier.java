package se.stockholm.sigstat.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import se.stockholm.sigstat.failure.DataException;

/**
 * Checks everything a reader of the warehouse would use (each district's snapshot in a view, and
 * the reference tables) against the file inventory recorded when it was prepared: a missing,
 * changed or added file is damage, named by district and file.
 */
public final class WarehouseVerifier {
  /** What the operator can do about damage (Swedish, one sentence). */
  static final String REPAIR =
      "Återställ lagret från säkerhetskopian, eller ta bort den skadade stadsdelens mapp under "
          + "snapshots/ (eller referens/befolkning) så läses dess senaste leverans in på nytt vid "
          + "nästa körning.";

  private WarehouseVerifier() {}

  /**
   * One checked snapshot or reference table.
   *
   * @param name district code, or referens/&lt;table&gt;
   * @param version snapshot id or version folder, null when the pointer could not be read
   * @param rows rows per table folder, as recorded
   */
  public record Checked(
      String name, String version, int files, Map<String, Long> rows, List<String> problems) {}

  /** The outcome: every snapshot and reference table checked, with what is wrong with it. */
  public record Report(Path root, List<Checked> checked) {
    public boolean intact() {
      return checked.stream().allMatch(c -> c.problems().isEmpty());
    }

    public int files() {
      return checked.stream().mapToInt(Checked::files).sum();
    }

    /** Rows of every checked table, as recorded when it was made. */
    public long rows() {
      return checked.stream()
          .flatMap(c -> c.rows().values().stream())
          .mapToLong(Long::longValue)
          .sum();
    }

    /** Every problem as {@code name: problem}. */
    public List<String> problems() {
      List<String> all = new ArrayList<>();
      checked.forEach(c -> c.problems().forEach(p -> all.add(c.name() + ": " + p)));
      return all;
    }

    /** The failure to raise when the warehouse is damaged: the first problem, and how many more. */
    public DataException damage() {
      List<String> all = problems();
      return new DataException(
          "Lagret "
              + root
              + " är skadat: "
              + all.get(0)
              + (all.size() > 1
                  ? " (och "
                      + (all.size() - 1)
                      + " fel till: sigstat verify --warehouse listar alla)"
                  : "")
              + ". "
              + REPAIR);
    }
  }

  /** Checks every district of the view and the named reference tables. */
  public static Report verify(
      SnapshotStore snapshots, ReferenceStore references, Collection<String> referenceTables)
      throws IOException {
    Path root = snapshots.layout().root();
    List<Checked> checked = new ArrayList<>();
    for (String district : snapshots.districts()) {
      Optional<SnapshotPointer> p;
      try {
        p = snapshots.current(district);
      } catch (DataException e) {
        checked.add(unreadablePointer(district, root, snapshots.layout().currentPointer(district)));
        continue;
      }
      if (p.isPresent()) {
        checked.add(check(district, p.get().snapshotId(), snapshots.dir(p.get()), root));
      } else if (hasFolders(snapshots.layout().districtDir(district))) {
        checked.add(
            new Checked(
                district,
                null,
                0,
                Map.of(),
                List.of(
                    "pekaren "
                        + shown(root, snapshots.layout().currentPointer(district))
                        + " saknas, fast mappen har ögonblicksbilder")));
      }
    }
    for (String table : referenceTables) {
      String name = "referens/" + table;
      Optional<Path> dir;
      try {
        dir = references.dir(table);
      } catch (DataException e) {
        checked.add(
            unreadablePointer(
                name, root, snapshots.layout().reference(table).resolve(WarehouseLayout.CURRENT)));
        continue;
      }
      if (dir.isPresent()) {
        checked.add(check(name, dir.get().getFileName().toString(), dir.get(), root));
      }
    }
    return new Report(root, List.copyOf(checked));
  }

  private static Checked check(String name, String version, Path dir, Path root)
      throws IOException {
    String shownAs = shown(root, dir);
    if (!Files.isDirectory(dir)) {
      return new Checked(
          name, version, 0, Map.of(), List.of("mappen " + shownAs + " som pekaren anger saknas"));
    }
    FileInventory inventory;
    try {
      inventory = FileInventory.read(dir);
    } catch (IOException e) {
      return new Checked(
          name,
          version,
          0,
          Map.of(),
          List.of("förteckningen " + shownAs + "/" + FileInventory.FILE + " går inte att läsa"));
    }
    if (inventory == null) {
      return new Checked(
          name,
          version,
          0,
          Map.of(),
          List.of(
              "förteckningen "
                  + shownAs
                  + "/"
                  + FileInventory.FILE
                  + " saknas (borttagen, eller inläst av en äldre version av sigstat)"));
    }
    return new Checked(
        name,
        version,
        inventory.filer().size(),
        inventory.rader() == null ? Map.of() : inventory.rader(),
        inventory.differences(dir, shownAs));
  }

  private static Checked unreadablePointer(String name, Path root, Path pointer) {
    return new Checked(
        name, null, 0, Map.of(), List.of("pekaren " + shown(root, pointer) + " går inte att läsa"));
  }

  private static boolean hasFolders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(Files::isDirectory);
    }
  }

  private static String shown(Path root, Path p) {
    return root.toAbsolutePath()
        .normalize()
        .relativize(p.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }
}
