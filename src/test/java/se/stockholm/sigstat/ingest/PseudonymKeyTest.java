package se.stockholm.sigstat.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.failure.ConfigurationException;

class PseudonymKeyTest {
  @TempDir Path dir;

  @Test
  void theKeyFileWinsOverTheEnvironment() throws Exception {
    Path file = Files.writeString(dir.resolve("nyckel.txt"), "key-from-the-file-0001\n");
    PseudonymKey key =
        PseudonymKey.resolve(file, Map.of(PseudonymKey.ENV, "key-from-the-environment")::get);
    assertThat(key.bytes()).isEqualTo("key-from-the-file-0001".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAFileTheEnvironmentGivesTheKey() throws Exception {
    PseudonymKey key =
        PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV, " key-from-the-environment ")::get);
    assertThat(key.bytes()).isEqualTo("key-from-the-environment".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void neitherOrABlankOneIsAConfigurationErrorNamingBoth() {
    for (Map<String, String> env :
        List.of(Map.<String, String>of(), Map.of(PseudonymKey.ENV, "  "))) {
      assertThatThrownBy(() -> PseudonymKey.resolve(null, env::get))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage(
              "Ingen pseudonymiseringsnyckel: ange --key-file eller miljövariabeln "
                  + PseudonymKey.ENV);
    }
  }

  @Test
  void aShortKeyOrAMissingFileIsRefused() {
    assertThatThrownBy(() -> PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV, "kort")::get))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("minst 16 tecken");
    assertThatThrownBy(() -> PseudonymKey.resolve(dir.resolve("saknas.txt"), k -> null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Nyckelfilen");
  }
}
