package se.stockholm.sigstat.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/**
 * Reading a few columns gives, line for line, the values the raw rows hold, whether a line is split
 * as bytes or parsed: spaces and tabs, empty and extra fields, wrong widths, blank lines, quotes,
 * control and non-ASCII characters, a column the file lacks.
 */
class ColumnScanTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "windows-1252"})
  void givesTheRawRowsValuesForEveryLine(String encoding, @TempDir Path root) throws IOException {
    Charset charset = Charset.forName(encoding);
    // skattad_av is optional and left out: its position is -1.
    List<String> lines =
        List.of(
            "datum;period_id;livsomrade;mattillfalle;skattning",
            "2024-03-11;P1;BOENDE;INSKRIVNING;2",
            "  2024-03-11 ;\tP1\t; boende;inskrivning ;",
            "2024-03-11;P1;BOENDE;INSKRIVNING;2;;  ",
            "2024-03-11;P1;BOENDE;INSKRIVNING;2;extra",
            "2024-03-11;P1",
            "   ",
            "",
            "\t",
            ";;;;",
            "2024-03-11;\"P1\";BOENDE;\"INSKRIVNING\";2",
            "2024-03-11;\"P;1\";BOENDE;INSKRIVNING;2",
            "2024-03-11;\"P1;BOENDE;INSKRIVNING;2",
            "2024-03-11;Pö1;BOENDE;INSKRIVNING;2",
            "2024-03-11;P\u00011;BOENDE;INSKRIVNING;2",
            "2024-03-11;P1;BOENDE;INSKRIVNING~;2",
            "20240311;P2;HALSA;UPPFOLJNING;4");
    Path dir = root.resolve("FARSTA").resolve("2025-03-31");
    Files.createDirectories(dir);
    Files.write(
        dir.resolve("bedomningar.csv"), (String.join("\r\n", lines) + "\n").getBytes(charset));
    Files.write(
        dir.resolve("insatsperioder.csv"),
        "period_id;personnummer;kon;verksamhet;inskrivningsdatum;avslutsdatum;avslutsorsak;remitterad_fran\n"
            .getBytes(charset));
    DeliveryInspection inspection =
        new DeliveryInspector(MODEL)
            .inspect(new Delivery("FARSTA", LocalDate.parse("2025-03-31"), dir), null);
    FileLayout layout = inspection.files().get("bedomningar");
    assertThat(layout.charset()).isEqualTo(charset.name());
    List<RawRowReader.SourceFile> files =
        List.of(new RawRowReader.SourceFile("L1", "FARSTA", LocalDate.parse("2025-03-31"), layout));
    int[] columns = {0, 1, 2, 3, 4, 5};

    List<List<String>> scanned = new ArrayList<>();
    RawRowReader.scanColumns(
        files, columns, (f, values) -> scanned.add(Arrays.asList(values.clone())));

    List<List<String>> fromRows = new ArrayList<>();
    RawRowReader.rows(files)
        .forEachRemaining(
            (Row r) -> {
              if (r.isNullAt(RawRowReader.FIELDS_FROM - 1)) {
                List<String> values = new ArrayList<>();
                for (int c : columns) {
                  values.add((String) r.get(RawRowReader.FIELDS_FROM + c));
                }
                fromRows.add(values);
              }
            });
    assertThat(scanned).isEqualTo(fromRows).hasSizeGreaterThan(8);
  }
}
