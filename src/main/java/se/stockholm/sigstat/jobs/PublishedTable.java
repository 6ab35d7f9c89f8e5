package se.stockholm.sigstat.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.failure.DataException;
import se.stockholm.sigstat.publish.StatistikFiles;

/**
 * Reads a run folder's published statistik table with the failure told apart: a folder without the
 * table is a wrong call, a table that no longer parses is damaged data.
 */
public final class PublishedTable {
  private PublishedTable() {}

  public static StatistikFiles.Published read(Path runDir) {
    Path csv = runDir.resolve(StatistikFiles.CSV);
    if (!Files.isRegularFile(csv)) {
      throw new ConfigurationException(
          "Körmappen " + runDir + " har ingen " + StatistikFiles.CSV + " (fel mapp?)");
    }
    try {
      return StatistikFiles.read(runDir);
    } catch (IOException e) {
      throw new DataException(
          "Statistiktabellen " + csv + " eller " + StatistikFiles.META + " går inte att läsa", e);
    } catch (RuntimeException e) {
      // The file is there, so whatever the parser trips over (a NumberFormatException, a short
      // line, a missing key in the JSON) is damage to the table, never a wrong call.
      throw new DataException(
          "Statistiktabellen "
              + csv
              + " är skadad eller ändrad för hand och går inte att läsa; "
              + "kör aggregate på nytt",
          e);
    }
  }
}
