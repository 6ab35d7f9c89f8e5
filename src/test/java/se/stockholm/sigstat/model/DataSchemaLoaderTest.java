package se.stockholm.sigstat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

class DataSchemaLoaderTest {
  private final FollowUpModel model = DataSchemaLoader.load();

  @Test
  void loadsEveryFileAndCodeListOfTheModel() {
    assertThat(model.deliveryFiles())
        .extracting(FileSpec::name)
        .containsExactly("insatsperioder", "bedomningar", "insatser", "anhorigstod", "resurser");
    assertThat(model.codeList("kon").codeValues()).containsExactly("K", "M", "X");
    assertThat(model.codeList("avslutsorsak").labelOf("PLACERAD"))
        .isEqualTo("Placerad (SiS/LVU/LVM/HVB)");
    assertThat(model.lifeDomain("KRIMINALITET"))
        .get()
        .extracting(LifeDomain::min, LifeDomain::max, LifeDomain::higherIsBetter)
        .containsExactly(0, 3, false);
    assertThat(model.lifeDomains()).hasSize(10);
  }

  @Test
  void districtStructuresOf14And13And11() {
    DistrictStructure d = model.districts();
    assertThat(d.validOn(LocalDate.of(2020, 6, 30))).hasSize(14);
    assertThat(d.validOn(LocalDate.of(2020, 7, 1))).hasSize(13);
    assertThat(d.validOn(LocalDate.of(2023, 7, 1))).hasSize(11);
    assertThat(d.mapTo("ALVSJO", LocalDate.of(2024, 1, 1))).isEqualTo("HAGERSTEN_ALVSJO");
    assertThat(d.mapTo("RINKEBY_KISTA", LocalDate.of(2023, 7, 1))).isEqualTo("JARVA");
    assertThat(d.mapTo("RINKEBY_KISTA", LocalDate.of(2023, 6, 30))).isEqualTo("RINKEBY_KISTA");
    assertThat(d.mapTo("FARSTA", LocalDate.of(2024, 1, 1))).isEqualTo("FARSTA");
    assertThat(d.mergerRule()).isEqualTo(new MergerRule("OVERFORD", 7, "OKANT"));
    assertThat(d.mergerDepth()).isEqualTo(1);
  }

  @Test
  void exitsCountedAsPersonsAndAsEpisodesSayWhichAndWhyTheyDiffer() {
    Measure persons = model.measure("AVSLUTADE");
    Measure episodes = model.measure("AVSLUT_ORSAK");
    assertThat(persons.label()).contains("individer");
    assertThat(episodes.label()).contains("insatsperioder");
    // Each definition names the other measure, so a reader of Om rapporten sees the difference.
    assertThat(persons.definition()).contains(episodes.label()).contains("en gång per cell");
    assertThat(episodes.definition())
        .contains(persons.label())
        .contains("en gång per insatsperiod");
  }

  @Test
  void aReplacementSchemaFolderIsCheckedOnLoad(@TempDir Path dir) throws IOException {
    for (String f :
        new String[] {
          "files.yaml",
          "code-lists.yaml",
          "life-domains.yaml",
          "districts.yaml",
          "measures.yaml",
          "tables.yaml",
          "disclosure.yaml"
        }) {
      Files.copy(Path.of("data-schema", f), dir.resolve(f));
    }
    assertThat(DataSchemaLoader.fromDirectory(dir).deliveryFiles()).hasSize(5);
    Files.writeString(
        dir.resolve("life-domains.yaml"),
        "lifeDomains:\n  - {code: SOVA, min: 1, max: 4, betterIs: higher}\n");
    assertThatThrownBy(() -> DataSchemaLoader.fromDirectory(dir))
        .hasMessageContaining(
            "Life domain SOVA in life-domains.yaml is not in code list livsomrade");
  }

  @Test
  void dataDictionaryListsEveryColumnWithItsSwedishLabel() {
    String md = DataDictionary.markdown(model);
    for (FileSpec f : model.deliveryFiles()) {
      for (ColumnSpec c : f.columns()) {
        assertThat(md).contains("| `" + c.name() + "` | " + c.label() + " |");
      }
    }
    assertThat(md).contains("| `HAGERSTEN_ALVSJO` | Hägersten-Älvsjö | 2020-07-01 |");
    assertThat(md).contains("avslutsorsak `OVERFORD` högst 7 dagar från stadsdelens sista dag");
  }
}
