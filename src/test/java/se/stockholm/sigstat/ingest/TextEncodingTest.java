package se.stockholm.sigstat.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEncodingTest {
  @Test
  void detectsUtf8WithAndWithoutBomAndWindows1252(@TempDir Path dir) throws IOException {
    Path bom = dir.resolve("a.csv");
    Files.write(bom, ("\uFEFFkolumn;värde\n").getBytes(StandardCharsets.UTF_8));
    Path plain = dir.resolve("b.csv");
    Files.write(plain, "kolumn;värde\n".getBytes(StandardCharsets.UTF_8));
    Path legacy = dir.resolve("c.csv");
    Files.write(legacy, "kolumn,värde\n".getBytes(TextEncoding.WINDOWS_1252));
    assertThat(TextEncoding.detect(bom))
        .extracting(TextEncoding.Detected::charset, TextEncoding.Detected::bom)
        .containsExactly(StandardCharsets.UTF_8, true);
    assertThat(TextEncoding.detect(plain).charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(TextEncoding.detect(legacy).charset()).isEqualTo(TextEncoding.WINDOWS_1252);
  }

  @Test
  void utf16AndBinaryFilesAreRejectedWithAReason(@TempDir Path dir) throws IOException {
    Path utf16 = dir.resolve("u.csv");
    Files.write(utf16, "kolumn;värde\n".getBytes(StandardCharsets.UTF_16));
    assertThat(TextEncoding.detect(utf16).fault()).contains("UTF-16");
    Path zip = dir.resolve("z.csv");
    Files.write(zip, new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1});
    assertThat(TextEncoding.detect(zip).fault()).contains("ingen textfil");
  }

  @Test
  void delimiterComesFromTheHeaderAndQuotesAreHonoured() {
    assertThat(CsvDialect.detect("a;b;c").delimiter()).isEqualTo(';');
    assertThat(CsvDialect.detect("a,b,\"c;d\"").delimiter()).isEqualTo(',');
    assertThat(new CsvDialect(';').split("x; \"a;\"\"b\"\" \";3"))
        .containsExactly("x", "a;\"b\" ", "3");
    assertThat(new CsvDialect(';').split("x;\"open")).isNull();
  }
}
