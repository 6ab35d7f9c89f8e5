package se.stockholm.sigstat.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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

/**
 * Finds the deliveries under a {@code leveranser/} folder, newest first per district. A folder
 * whose name is no usable delivery date (not a date, or more than {@link #FUTURE_TOLERANCE_DAYS}
 * day after today) is listed too, after the deliveries, so that it is rejected with its reason
 * rather than skipped, and never hides the district's real newest delivery.
 */
public final class DeliveryFinder {
  /**
   * How many days after today (in Stockholm) a delivery may be dated: one, for a delivery made in
   * the evening and dated by the next day. Anything later is a mistake and is rejected.
   */
  public static final int FUTURE_TOLERANCE_DAYS = 1;

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final DistrictStructure districts;
  private final LocalDate latestAccepted;

  /** A finder that judges delivery dates against {@code clock}'s today in Stockholm. */
  public DeliveryFinder(DistrictStructure districts, Clock clock) {
    this.districts = districts;
    this.latestAccepted = LocalDate.now(clock.withZone(STOCKHOLM)).plusDays(FUTURE_TOLERANCE_DAYS);
  }

  /**
   * A folder that is a delivery, or why it cannot be one. {@code misdated}: its name is no usable
   * delivery date (not a date, or in the future), so it can never be the district's newest.
   */
  public record Found(Delivery delivery, String fault, boolean misdated) {}

  /**
   * Every delivery folder, grouped by district folder name: the deliveries newest first, then the
   * misdated folders by name.
   */
  public Map<String, List<Found>> find(Path leveranser) {
    if (!Files.isDirectory(leveranser)) {
      throw new ConfigurationException("Leveransmappen " + leveranser + " finns inte");
    }
    Map<String, List<Found>> byDistrict = new LinkedHashMap<>();
    for (Path districtDir : sortedChildren(leveranser)) {
      String code = districtDir.getFileName().toString();
      List<Found> dated = new ArrayList<>();
      List<Found> misdated = new ArrayList<>();
      for (Path dateDir : sortedChildren(districtDir)) {
        Found f = inspectFolder(code, dateDir);
        (f.misdated() ? misdated : dated).add(f);
      }
      dated.sort(Comparator.comparing((Found f) -> f.delivery().deliveryDate()).reversed());
      dated.addAll(misdated);
      byDistrict.put(code, dated);
    }
    return byDistrict;
  }

  /**
   * Checks that a folder is named {@code <stadsdel>/<YYYY-MM-DD>} with a known district code and a
   * date that is not in the future.
   */
  public Found inspectFolder(String districtCode, Path dateDir) {
    String name = dateDir.getFileName().toString();
    LocalDate date;
    try {
      date = LocalDate.parse(name);
    } catch (DateTimeParseException e) {
      return new Found(
          new Delivery(districtCode, null, dateDir),
          "mappnamnet " + Excerpt.of(name) + " är inget leveransdatum (förväntat ÅÅÅÅ-MM-DD)",
          true);
    }
    Delivery delivery = new Delivery(districtCode, date, dateDir);
    if (date.isAfter(latestAccepted)) {
      return new Found(
          delivery,
          "leveransdatum "
              + date
              + " ligger i framtiden (senast "
              + latestAccepted
              + " godtas); rätta mappens namn",
          true);
    }
    Optional<District> district = districts.find(districtCode);
    if (district.isEmpty()) {
      return new Found(delivery, "okänd stadsdelskod " + Excerpt.of(districtCode), false);
    }
    if (!district.get().existedBy(date)) {
      return new Found(delivery, "stadsdelen " + districtCode + " fanns inte den " + date, false);
    }
    return new Found(delivery, null, false);
  }

  private static List<Path> sortedChildren(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }
}
