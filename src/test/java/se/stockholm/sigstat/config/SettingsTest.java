package se.stockholm.sigstat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.model.ReportingPeriod;

class SettingsTest {
  @TempDir Path dir;

  private Path job(String... lines) throws Exception {
    return Files.writeString(dir.resolve("jobb.yaml"), String.join("\n", lines) + "\n");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Settings s = Settings.defaults().build();
    assertThat(s.minCell()).isEqualTo(5);
    assertThat(s.lookBackYears()).isEqualTo(3);
    assertThat(s.maxRejectedPercent()).isEqualTo(5.0);
    assertThat(s.keepRuns()).isEqualTo(14);
    assertThat(s.reports()).isTrue();
    assertThat(s.createWarehouse()).isFalse();
    assertThat(s.periods()).containsExactly("current-year-to-date", "previous-year");
    assertThat(s.sparkMaster()).isEqualTo("local[*]");
  }

  @Test
  void theJobFileOverridesTheDefaultsAndFlagsOverrideTheJobFile() throws Exception {
    Path file =
        job(
            "deliveries: lev",
            "warehouse: /data/lager",
            "periods: [2025]",
            "look-back-years: 1",
            "suppression: {min-cell: 3}",
            "ingest: {max-rejected-percent: 10}",
            "spark: {master: 'local[2]', settings: {spark.sql.shuffle.partitions: '4'}}");
    Settings fromFile = Settings.fromJobFile(file).build();
    assertThat(fromFile.deliveries()).isEqualTo(dir.resolve("lev"));
    assertThat(fromFile.warehouse()).isEqualTo(Path.of("/data/lager"));
    assertThat(fromFile.minCell()).isEqualTo(3);
    assertThat(fromFile.lookBackYears()).isEqualTo(1);
    assertThat(fromFile.maxRejectedPercent()).isEqualTo(10.0);
    assertThat(fromFile.sparkMaster()).isEqualTo("local[2]");
    assertThat(fromFile.sparkSettings()).containsEntry("spark.sql.shuffle.partitions", "4");

    Settings withFlags =
        Settings.fromJobFile(file)
            .minCell(7, "--min-cell")
            .lookBackYears(null, "--look-back-years")
            .periods(List.of("2024-K1"), "--period")
            .sparkMaster("local[1]")
            .sparkSettings(Map.of("spark.sql.shuffle.partitions", "2"))
            .build();
    assertThat(withFlags.minCell()).isEqualTo(7);
    assertThat(withFlags.lookBackYears()).isEqualTo(1);
    assertThat(withFlags.reportPeriods(LocalDate.of(2026, 5, 1)))
        .extracting(ReportingPeriod::code)
        .containsExactly("2024-K1");
    assertThat(withFlags.sparkMaster()).isEqualTo("local[1]");
    assertThat(withFlags.sparkSettings()).containsEntry("spark.sql.shuffle.partitions", "2");
  }

  @Test
  void theSwedishKeysOfEarlierJobFilesAreStillRead() throws Exception {
    Settings s = Settings.fromJobFile(job("leveranser: lev", "befolkning: bef.csv")).build();
    assertThat(s.deliveries()).isEqualTo(dir.resolve("lev"));
    assertThat(s.population()).isEqualTo(dir.resolve("bef.csv"));
    assertThatThrownBy(() -> Settings.fromJobFile(job("leveranser: a", "deliveries: b")).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nyckeln deliveries står två gånger");
  }

  @Test
  void aMistakeNamesWhereTheValueCameFrom() throws Exception {
    assertThatThrownBy(() -> Settings.fromJobFile(job("suppression: {min-cell: 0}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nyckeln suppression.min-cell ska vara ett heltal ≥ 1, inte 0");
    assertThatThrownBy(() -> Settings.defaults().minCell(0, "--min-cell"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("--min-cell ska vara ett heltal ≥ 1, inte 0");
    assertThatThrownBy(() -> Settings.fromJobFile(job("suppresion: {min-cell: 3}")))
        .hasMessageContaining("okänd nyckel suppresion");
    assertThatThrownBy(() -> Settings.defaults().periods(List.of("2025-K5"), "--period"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("--period: ");
    assertThatThrownBy(
            () -> Settings.fromJobFile(job("warehouse: x")).build().require(null, "output"))
        .hasMessageContaining("nyckeln output saknas (eller ange --output)");
  }

  @Test
  void thePopulationTableDefaultsToTheOneBesideTheDeliveries() throws Exception {
    Path lev = Files.createDirectories(dir.resolve("leveranser"));
    assertThat(Settings.defaults().deliveries(lev).build().populationFile()).isNull();
    Files.writeString(dir.resolve("befolkning.csv"), "");
    assertThat(Settings.defaults().deliveries(lev).build().populationFile())
        .isEqualTo(dir.resolve("befolkning.csv"));
    assertThat(
            Settings.defaults()
                .deliveries(lev)
                .population(dir.resolve("x.csv"))
                .build()
                .populationFile())
        .isEqualTo(dir.resolve("x.csv"));
  }

  @Test
  void aFlagNeverSwitchesOffTheJobFilesCreateWarehouse() throws Exception {
    Path file = job("create-warehouse: true");
    assertThat(Settings.fromJobFile(file).createWarehouse(false).build().createWarehouse())
        .isTrue();
    assertThat(Settings.defaults().createWarehouse(true).build().createWarehouse()).isTrue();
  }

  @Test
  void namedPeriodsAreResolvedAgainstTheDayGiven() {
    Settings s =
        Settings.defaults()
            .periods(List.of("current-year-to-date", "previous-quarter"), "--period")
            .build();
    List<ReportingPeriod> p = s.reportPeriods(LocalDate.of(2026, 2, 10));
    assertThat(p.get(0).start()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(p.get(0).end()).isEqualTo(LocalDate.of(2026, 2, 10));
    assertThat(p.get(1).code()).isEqualTo("2025-K4");
    assertThat(s.districtStructure(p)).isEqualTo(LocalDate.of(2026, 2, 10));
  }
}
