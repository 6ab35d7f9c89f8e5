package se.stockholm.sigstat.validation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import se.stockholm.sigstat.ingest.Excerpt;
import se.stockholm.sigstat.ingest.Personnummer;

/**
 * The rejected-rows ledger the districts read: {@code leverans;fil;rad;kolumn;varde;orsak}, UTF-8,
 * one line per rejected row or per file-level fault (with {@code rad} empty).
 */
public final class RejectedRowsLedger {
  public static final String HEADER = "leverans;fil;rad;kolumn;varde;orsak";

  private RejectedRowsLedger() {}

  /**
   * One ledger line. Whatever a delivery put in it is kept short and printable here, the one place
   * every line passes through on its way to the ledger and the terminal.
   */
  public record Entry(
      String leverans, String fil, Long rad, String kolumn, String varde, String orsak) {
    public Entry {
      kolumn = Excerpt.of(kolumn);
      // Masked before it is cut: a cut personnummer would no longer be recognised.
      varde = Excerpt.of(Personnummer.maskWithin(varde));
      orsak = Excerpt.of(Personnummer.maskWithin(orsak), Excerpt.MESSAGE_MAX);
    }
  }

  /** Writes file-level faults first, then the row entries, to {@code target} (not atomically). */
  public static long write(Path target, List<Entry> fileFaults, Iterator<Entry> rows)
      throws IOException {
    long n = 0;
    Files.createDirectories(target.toAbsolutePath().getParent());
    try (BufferedWriter w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8))) {
      w.write(HEADER);
      w.write('\n');
      for (Entry e : fileFaults) {
        writeEntry(w, e);
        n++;
      }
      while (rows.hasNext()) {
        writeEntry(w, rows.next());
        n++;
      }
    }
    return n;
  }

  private static void writeEntry(BufferedWriter w, Entry e) throws IOException {
    w.write(field(e.leverans()));
    w.write(';');
    w.write(field(e.fil()));
    w.write(';');
    w.write(e.rad() == null ? "" : e.rad().toString());
    w.write(';');
    w.write(field(e.kolumn()));
    w.write(';');
    w.write(field(Personnummer.maskWithin(e.varde())));
    w.write(';');
    w.write(field(Personnummer.maskWithin(e.orsak())));
    w.write('\n');
  }

  private static String field(String v) {
    if (v == null) {
      return "";
    }
    if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
