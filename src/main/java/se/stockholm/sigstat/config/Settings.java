package se.stockholm.sigstat.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.spark.SparkSessions;

/**
 * Every setting of sigstat, typed: the one type every command builds, in one order: the defaults
 * here, then the job file ({@code --job}, see {@link JobFile}), then the command's flags; the later
 * wins (the Spark master alone also hears spark-submit, see {@link SparkSessions#resolveMaster}). A
 * setting has one name: its job-file key ({@code suppression.min-cell}) and the flag made of the
 * key's last part ({@code --min-cell}); a list key takes its flag once per value, in the singular
 * ({@code periods}, {@code --period}). Names are English; the Swedish names of earlier versions are
 * still read (see {@link JobFile#ALIASES} and the CLI's legacy flags).
 *
 * @param jobFile the job file the settings came from, or null
 * @param population the population table, or null: none
 * @param keyFile the pseudonym key file, or null: the environment variable
 * @param districtStructure the date of the district structure, or null: the first period's end
 */
public record Settings(
    Path jobFile,
    Path deliveries,
    Path warehouse,
    boolean createWarehouse,
    Path output,
    Path population,
    Path keyFile,
    List<String> periods,
    LocalDate districtStructure,
    int lookBackYears,
    int minCell,
    double maxRejectedPercent,
    int keepRuns,
    boolean reports,
    String sparkMaster,
    Map<String, String> sparkSettings) {

  /** Named report periods, resolved against "today" when a run starts. */
  public static final Set<String> NAMED_PERIODS =
      Set.of("current-year-to-date", "previous-year", "previous-quarter");

  /** Default report periods: the current year to date and the previous year. */
  public static final List<String> DEFAULT_PERIODS =
      List.of("current-year-to-date", "previous-year");

  /** Default trend look-back in years. */
  public static final int DEFAULT_LOOK_BACK_YEARS = 3;

  /** Default k: the smallest publishable count. */
  public static final int DEFAULT_MIN_CELL = 5;

  /** Default largest share of rejected rows (percent) for a delivery to be published. */
  public static final double DEFAULT_MAX_REJECTED_PERCENT = 5;

  /** Default number of run folders kept. */
  public static final int DEFAULT_KEEP_RUNS = 14;

  /** The population table's name beside the deliveries folder, used when none is given. */
  public static final String POPULATION_BESIDE_DELIVERIES = "befolkning.csv";

  /** A builder holding the defaults. */
  public static Builder defaults() {
    return new Builder();
  }

  /** A builder holding the defaults, then the job file's settings if there is one. */
  public static Builder fromJobFile(Path jobFile) {
    return jobFile == null ? defaults() : JobFile.read(jobFile, defaults());
  }

  /** The report periods on {@code today}: named periods are resolved against it. */
  public List<ReportingPeriod> reportPeriods(LocalDate today) {
    List<ReportingPeriod> result = new ArrayList<>();
    for (String p : periods) {
      result.add(
          switch (p) {
            case "current-year-to-date" ->
                ReportingPeriod.parse(today.withDayOfYear(1) + ".." + today);
            case "previous-year" -> ReportingPeriod.year(today.getYear() - 1);
            case "previous-quarter" -> {
              LocalDate d = today.minusMonths(3);
              yield ReportingPeriod.quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
            }
            default -> ReportingPeriod.parse(p);
          });
    }
    return result;
  }

  /** The district structure's date for these report periods. */
  public LocalDate districtStructure(List<ReportingPeriod> reportPeriods) {
    return districtStructure != null ? districtStructure : reportPeriods.get(0).end();
  }

  /**
   * The population table to read: the one given, else {@value #POPULATION_BESIDE_DELIVERIES} beside
   * the deliveries folder if there is one, else none (null).
   */
  public Path populationFile() {
    if (population != null || deliveries == null) {
      return population;
    }
    Path beside =
        deliveries.toAbsolutePath().normalize().resolveSibling(POPULATION_BESIDE_DELIVERIES);
    return Files.isRegularFile(beside) ? beside : null;
  }

  /** The given path setting, or a configuration error naming its key and flag. */
  public Path require(Path value, String key) {
    if (value == null) {
      throw new ConfigurationException(
          jobFile == null
              ? "--" + key + " saknas"
              : "Jobbfilen " + jobFile + ": nyckeln " + key + " saknas (eller ange --" + key + ")");
    }
    return value;
  }

  /**
   * Collects settings layer by layer; every value is checked as it is set, and a mistake names
   * where the value came from (the flag, or the job file and key).
   */
  public static final class Builder {
    private Path jobFile;
    private Path deliveries;
    private Path warehouse;
    private boolean createWarehouse;
    private Path output;
    private Path population;
    private Path keyFile;
    private List<String> periods = DEFAULT_PERIODS;
    private LocalDate districtStructure;
    private int lookBackYears = DEFAULT_LOOK_BACK_YEARS;
    private int minCell = DEFAULT_MIN_CELL;
    private double maxRejectedPercent = DEFAULT_MAX_REJECTED_PERCENT;
    private int keepRuns = DEFAULT_KEEP_RUNS;
    private boolean reports = true;
    private String masterFromFile;
    private String masterFromFlag;
    private final Map<String, String> sparkSettings = new LinkedHashMap<>();

    private Builder() {}

    Builder jobFile(Path file) {
      this.jobFile = file;
      return this;
    }

    public Builder deliveries(Path v) {
      deliveries = v != null ? v : deliveries;
      return this;
    }

    public Builder warehouse(Path v) {
      warehouse = v != null ? v : warehouse;
      return this;
    }

    /** Only ever switches it on: a missing flag does not undo the job file's true. */
    public Builder createWarehouse(boolean v) {
      createWarehouse |= v;
      return this;
    }

    Builder createWarehouseFromFile(boolean v) {
      createWarehouse = v;
      return this;
    }

    public Builder output(Path v) {
      output = v != null ? v : output;
      return this;
    }

    public Builder population(Path v) {
      population = v != null ? v : population;
      return this;
    }

    public Builder keyFile(Path v) {
      keyFile = v != null ? v : keyFile;
      return this;
    }

    /** Report periods (named or explicit); null or empty keeps the earlier layer's. */
    public Builder periods(List<String> v, String origin) {
      if (v == null || v.isEmpty()) {
        return this;
      }
      for (String p : v) {
        if (!NAMED_PERIODS.contains(p)) {
          try {
            ReportingPeriod.parse(p);
          } catch (IllegalArgumentException e) {
            throw new ConfigurationException(origin + ": " + e.getMessage());
          }
        }
      }
      periods = List.copyOf(v);
      return this;
    }

    public Builder districtStructure(LocalDate v) {
      districtStructure = v != null ? v : districtStructure;
      return this;
    }

    public Builder lookBackYears(Integer v, String origin) {
      if (v != null) {
        lookBackYears = atLeast(v, 0, origin);
      }
      return this;
    }

    public Builder minCell(Integer v, String origin) {
      if (v != null) {
        minCell = atLeast(v, 1, origin);
      }
      return this;
    }

    public Builder maxRejectedPercent(Double v, String origin) {
      if (v != null) {
        if (v.isNaN() || v < 0 || v > 100) {
          throw invalid(origin, "ett tal mellan 0 och 100", v);
        }
        maxRejectedPercent = v;
      }
      return this;
    }

    public Builder keepRuns(Integer v, String origin) {
      if (v != null) {
        keepRuns = atLeast(v, 1, origin);
      }
      return this;
    }

    public Builder reports(Boolean v) {
      reports = v != null ? v : reports;
      return this;
    }

    Builder sparkMasterFromFile(String v) {
      masterFromFile = v;
      return this;
    }

    /** The {@code --master} flag: it wins over spark-submit's and the job file's master. */
    public Builder sparkMaster(String v) {
      masterFromFlag = v != null ? v : masterFromFlag;
      return this;
    }

    /** Spark settings; a later layer's value for a key wins. */
    public Builder sparkSettings(Map<String, String> v) {
      if (v != null) {
        sparkSettings.putAll(v);
      }
      return this;
    }

    public Settings build() {
      return new Settings(
          jobFile,
          deliveries,
          warehouse,
          createWarehouse,
          output,
          population,
          keyFile,
          periods,
          districtStructure,
          lookBackYears,
          minCell,
          maxRejectedPercent,
          keepRuns,
          reports,
          SparkSessions.resolveMaster(masterFromFlag, masterFromFile),
          Map.copyOf(sparkSettings));
    }

    private static int atLeast(int v, int min, String origin) {
      if (v < min) {
        throw invalid(origin, "ett heltal ≥ " + min, v);
      }
      return v;
    }
  }

  /** A value that is not allowed, named by where it came from (a flag, or file and key). */
  static ConfigurationException invalid(String origin, String expected, Object value) {
    return new ConfigurationException(origin + " ska vara " + expected + ", inte " + value);
  }
}
