package se.stockholm.sigstat.testing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small hand-made deliveries: {@code root/<stadsdel>/<datum>/<file>.csv}, semicolon
 * separated UTF-8 unless told otherwise.
 */
public final class DeliveryBuilder {
  private final Path dir;
  private final Map<String, List<String>> files = new LinkedHashMap<>();
  private Charset charset = StandardCharsets.UTF_8;
  private String delimiter = ";";

  public DeliveryBuilder(Path leveranser, String district, String date) {
    this.dir = leveranser.resolve(district).resolve(date);
  }

  public static final String EPISODE_HEADER =
      "period_id;personnummer;kon;verksamhet;"
          + "inskrivningsdatum;avslutsdatum;avslutsorsak;remitterad_fran";
  public static final String ASSESSMENT_HEADER =
      "period_id;mattillfalle;datum;livsomrade;skattning;skattad_av";

  /** A minimal valid delivery: the two required files with headers only. */
  public static DeliveryBuilder minimal(Path leveranser, String district, String date) {
    return new DeliveryBuilder(leveranser, district, date)
        .file("insatsperioder.csv", EPISODE_HEADER)
        .file("bedomningar.csv", ASSESSMENT_HEADER);
  }

  public DeliveryBuilder file(String name, String header) {
    files.put(name, new ArrayList<>(List.of(header)));
    return this;
  }

  public DeliveryBuilder row(String file, String line) {
    files.get(file).add(line);
    return this;
  }

  public DeliveryBuilder episode(String line) {
    return row("insatsperioder.csv", line);
  }

  public DeliveryBuilder assessment(String line) {
    return row("bedomningar.csv", line);
  }

  public DeliveryBuilder without(String file) {
    files.remove(file);
    return this;
  }

  /** Writes in another encoding and delimiter (the rows are written with ';' and converted). */
  public DeliveryBuilder as(Charset cs, String delim) {
    this.charset = cs;
    this.delimiter = delim;
    return this;
  }

  public Path write() throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, List<String>> f : files.entrySet()) {
      StringBuilder sb = new StringBuilder();
      for (String line : f.getValue()) {
        sb.append(line.replace(";", delimiter)).append("\r\n");
      }
      Files.write(dir.resolve(f.getKey()), sb.toString().getBytes(charset));
    }
    return dir;
  }
}
