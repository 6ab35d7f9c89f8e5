package se.stockholm.sigstat.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.DistrictStructure;

/** Finds the deliveries under a {@code leveranser/} folder, newest first per district. */
public final class DeliveryFinder {
  private final DistrictStructure districts;

  public DeliveryFinder(DistrictStructure districts) {
    this.districts = districts;
  }

  /** A folder that is a delivery, or why it cannot be one. */
  public record Found(Delivery delivery, String fault) {}

  /** Every delivery folder, grouped by district folder name, newest first within a district. */
  public Map<String, List<Found>> find(Path leveranser) {
    if (!Files.isDirectory(leveranser)) {
      throw new ConfigurationException("Leveransmappen " + leveranser + " finns inte");
    }
    Map<String, List<Found>> byDistrict = new LinkedHashMap<>();
    for (Path districtDir : sortedChildren(leveranser)) {
      String code = districtDir.getFileName().toString();
      List<Found> found = new ArrayList<>();
      for (Path dateDir : sortedChildren(districtDir)) {
        found.add(inspectFolder(code, dateDir));
      }
      found.sort(Comparator.comparing((Found f) -> f.delivery().deliveryDate()).reversed());
      byDistrict.put(code, found);
    }
    return byDistrict;
  }

  /** Checks that a folder is named {@code <stadsdel>/<YYYY-MM-DD>} with a known district code. */
  public Found inspectFolder(String districtCode, Path dateDir) {
    String name = dateDir.getFileName().toString();
    LocalDate date;
    try {
      date = LocalDate.parse(name);
    } catch (DateTimeParseException e) {
      return new Found(
          new Delivery(districtCode, LocalDate.MIN, dateDir),
          "mappnamnet " + name + " är inget leveransdatum (förväntat ÅÅÅÅ-MM-DD)");
    }
    Delivery delivery = new Delivery(districtCode, date, dateDir);
    Optional<District> district = districts.find(districtCode);
    if (district.isEmpty()) {
      return new Found(delivery, "okänd stadsdelskod " + districtCode);
    }
    if (!district.get().existedBy(date)) {
      return new Found(delivery, "stadsdelen " + districtCode + " fanns inte den " + date);
    }
    return new Found(delivery, null);
  }

  private static List<Path> sortedChildren(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }
}
