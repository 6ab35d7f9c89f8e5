package se.stockholm.sigstat.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import se.stockholm.sigstat.model.Code;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.FollowUpModel;

/**
 * A plausible population table (befolkning.csv) per year, district of that year's structure, kön
 * and age band, until the city replaces it with SCB's figures.
 */
final class PopulationWriter {
  /** Stockholm's population, roughly; split over districts by case-load weight. */
  private static final double CITY_POPULATION = 985_000;

  private final FollowUpModel model;
  private final Map<String, Double> weights;

  PopulationWriter(FollowUpModel model, Map<String, Double> weights) {
    this.model = model;
    this.weights = weights;
  }

  Path write(Path file, int fromYear, LocalDate asOf) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("ar;stadsdel;kon;aldersgrupp;antal\n");
      for (int year = fromYear; year <= asOf.getYear(); year++) {
        LocalDate on = year == asOf.getYear() ? asOf : LocalDate.of(year, 12, 31);
        double total =
            model.districts().validOn(on).stream().mapToDouble(d -> weights.get(d.code())).sum();
        for (District d : model.districts().validOn(on)) {
          double people =
              CITY_POPULATION * (1 + 0.008 * (year - 2020)) * weights.get(d.code()) / total;
          for (String kon : new String[] {"K", "M"}) {
            for (Code band : model.codeList("aldersgrupp").codes()) {
              double share =
                  switch (band.code()) {
                    case "-14" -> 0.17;
                    case "15-17" -> 0.035;
                    case "18-20" -> 0.033;
                    case "21-24" -> 0.05;
                    case "25-29" -> 0.08;
                    default -> 0.632;
                  };
              long n = Math.round(people * share / 2);
              w.write(year + ";" + d.code() + ";" + kon + ";" + band.code() + ";" + n + "\n");
            }
          }
        }
      }
    }
    return file;
  }
}
