package se.stockholm.sigstat.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.util.LineReader;
import org.junit.jupiter.api.Test;

class ByteLinesTest {
  private static final List<String> SAMPLES =
      List.of(
          "",
          "\n",
          "a",
          "a\n",
          "a\nb",
          "a\r\nb\r\n",
          "a\rb\r",
          "a\r\rb",
          "a\n\r\nb\n\n",
          "\r\n\r\n",
          "rubrik;x\r\n1;å\r\n\r\n2;ö",
          "x".repeat(200_000) + "\r\n" + "y".repeat(70_000) + "\r");

  @Test
  void endsLinesAsHadoopsTextReaderDoes() throws IOException {
    for (String sample : SAMPLES) {
      assertThat(byteLines(sample))
          .as(sample.length() > 40 ? "long lines" : sample)
          .isEqualTo(hadoop(sample));
    }
  }

  @Test
  void keepsEmptyLinesSoLineNumbersMatchTheFile() throws IOException {
    assertThat(byteLines("a\r\n\r\nb\n")).containsExactly("a", "", "b");
  }

  private static List<String> byteLines(String text) throws IOException {
    List<String> lines = new ArrayList<>();
    try (ByteLines it =
        new ByteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      it.forEachRemaining(b -> lines.add(new String(b, StandardCharsets.UTF_8)));
    }
    return lines;
  }

  /** What sigstat read before: Hadoop's LineReader, as TextInputFormat uses it. */
  private static List<String> hadoop(String text) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineReader reader =
        new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      Text line = new Text();
      while (reader.readLine(line) > 0) {
        lines.add(line.toString());
      }
    }
    return lines;
  }
}
