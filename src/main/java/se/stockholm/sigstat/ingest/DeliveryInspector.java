package se.stockholm.sigstat.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import se.stockholm.sigstat.model.ColumnSpec;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;

/**
 * Checks a delivery at file level: required files and columns present, encoding readable, header
 * well formed. Row content is left to the validation stage.
 */
public final class DeliveryInspector {
  private final FollowUpModel model;

  public DeliveryInspector(FollowUpModel model) {
    this.model = model;
  }

  public DeliveryInspection inspect(Delivery delivery, String folderFault) throws IOException {
    List<DeliveryInspection.FileFault> faults = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, FileLayout> layouts = new LinkedHashMap<>();
    String checksum = Files.isDirectory(delivery.dir()) ? Checksums.ofFolder(delivery.dir()) : "";
    if (folderFault != null) {
      faults.add(new DeliveryInspection.FileFault(null, folderFault));
      return new DeliveryInspection(delivery, checksum, layouts, faults, warnings);
    }
    // Before any file is opened: a link could lead anywhere (/etc/passwd), a pipe could block.
    faults.addAll(irregularEntries(delivery.dir()));
    if (!faults.isEmpty()) {
      return new DeliveryInspection(delivery, checksum, layouts, faults, warnings);
    }
    for (FileSpec spec : model.deliveryFiles()) {
      Path file = findCaseInsensitive(delivery.dir(), spec.fileName());
      if (file == null) {
        if (spec.required()) {
          faults.add(
              new DeliveryInspection.FileFault(
                  spec.fileName(), "den obligatoriska filen " + spec.fileName() + " saknas"));
        }
        continue;
      }
      FileLayout layout = layout(spec, file, faults, warnings);
      if (layout != null) {
        layouts.put(spec.name(), layout);
      }
    }
    return new DeliveryInspection(delivery, checksum, layouts, faults, warnings);
  }

  /** Reads the header of one file and maps the declared columns onto it (null on a fault). */
  public FileLayout layout(
      FileSpec spec, Path file, List<DeliveryInspection.FileFault> faults, List<String> warnings)
      throws IOException {
    TextEncoding.Detected enc = TextEncoding.detect(file);
    if (enc.fault() != null) {
      faults.add(
          new DeliveryInspection.FileFault(
              spec.fileName(), file.getFileName() + ": " + enc.fault()));
      return null;
    }
    String header;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), enc.charset()))) {
      header = r.readLine();
    }
    if (header != null && enc.bom() && header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    if (header == null || header.isBlank()) {
      faults.add(
          new DeliveryInspection.FileFault(
              spec.fileName(), "filen " + spec.fileName() + " är tom (rubrikrad saknas)"));
      return null;
    }
    CsvDialect dialect = CsvDialect.detect(header);
    List<String> names = dialect.split(header);
    if (names == null) {
      faults.add(
          new DeliveryInspection.FileFault(
              spec.fileName(),
              "rubrikraden i " + spec.fileName() + " har ett citattecken som inte avslutas"));
      return null;
    }
    Map<String, Integer> positions = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (positions.put(name, i) != null) {
        faults.add(
            new DeliveryInspection.FileFault(
                spec.fileName(),
                "kolumnen "
                    + Excerpt.of(name)
                    + " förekommer två gånger i rubrikraden i "
                    + spec.fileName()));
        return null;
      }
      if (spec.column(name).isEmpty()) {
        unknown.add(names.get(i).trim());
      }
    }
    int[] columnPositions = new int[spec.columns().size()];
    Arrays.fill(columnPositions, -1);
    boolean missingRequired = false;
    for (int c = 0; c < spec.columns().size(); c++) {
      ColumnSpec col = spec.columns().get(c);
      Integer pos = positions.get(col.name());
      if (pos != null) {
        columnPositions[c] = pos;
      } else if (col.required()) {
        faults.add(
            new DeliveryInspection.FileFault(
                spec.fileName(),
                "den obligatoriska kolumnen " + col.name() + " saknas i " + spec.fileName()));
        missingRequired = true;
      }
    }
    if (spec.identifiesPersons()
        && !positions.containsKey("personnummer")
        && !positions.containsKey("person_ref")) {
      faults.add(
          new DeliveryInspection.FileFault(
              spec.fileName(),
              spec.fileName() + " saknar både kolumnen personnummer och kolumnen person_ref"));
      missingRequired = true;
    }
    for (String u : unknown) {
      warnings.add("okänd kolumn " + Excerpt.of(u) + " i " + spec.fileName() + " ignoreras");
    }
    if (missingRequired) {
      return null;
    }
    return new FileLayout(
        spec,
        file.toAbsolutePath().toString(),
        enc.charset().name(),
        enc.bom(),
        dialect,
        columnPositions,
        names.size(),
        List.copyOf(unknown));
  }

  /**
   * Everything in the folder that is not a regular file (a link, a folder, a pipe, a device), as
   * one fault each, named but never opened.
   */
  static List<DeliveryInspection.FileFault> irregularEntries(Path dir) throws IOException {
    List<DeliveryInspection.FileFault> faults = new ArrayList<>();
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    }
    for (Path p : entries) {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String name = Excerpt.of(p.getFileName().toString());
      String what;
      if (a.isRegularFile()) {
        continue;
      } else if (a.isSymbolicLink()) {
        what = "är en länk";
      } else if (a.isDirectory()) {
        what = "är en mapp";
      } else {
        what = "är ingen vanlig fil";
      }
      faults.add(
          new DeliveryInspection.FileFault(
              name,
              name
                  + " "
                  + what
                  + "; en leveransmapp får bara innehålla vanliga filer (filen lästes inte)"));
    }
    return faults;
  }

  private static Path findCaseInsensitive(Path dir, String fileName) throws IOException {
    Path exact = dir.resolve(fileName);
    if (Files.isRegularFile(exact, LinkOption.NOFOLLOW_LINKS)) {
      return exact;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(fileName))
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .findFirst()
          .orElse(null);
    }
  }
}
