package se.stockholm.sigstat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects a delivery file's encoding: UTF-8 (with or without BOM) or Windows-1252. The first {@link
 * #SNIFF_BYTES} bytes decide; a later line that does not decode is rejected on its own.
 */
public final class TextEncoding {
  /** How much of a file is read to decide its encoding. */
  public static final int SNIFF_BYTES = 16 << 20;

  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextEncoding() {}

  /** The detected encoding, or the Swedish reason why the file cannot be read. */
  public record Detected(Charset charset, boolean bom, String fault) {}

  public static Detected detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    boolean bom =
        head.length >= 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF;
    if (head.length >= 2
        && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
            || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
      return new Detected(
          null,
          false,
          "filen är kodad i UTF-16, som inte stöds (spara som UTF-8 eller Windows-1252)");
    }
    for (byte b : head) {
      if (b == 0) {
        return new Detected(null, false, "filen innehåller binära data och är ingen textfil (CSV)");
      }
    }
    int start = bom ? 3 : 0;
    // A multi-byte UTF-8 character may be cut at the sniff limit: ignore a short tail.
    int end = head.length == SNIFF_BYTES ? trimPartialUtf8(head) : head.length;
    if (decodes(head, start, end, StandardCharsets.UTF_8)) {
      return new Detected(StandardCharsets.UTF_8, bom, null);
    }
    if (!bom && decodes(head, 0, head.length, WINDOWS_1252)) {
      return new Detected(WINDOWS_1252, false, null);
    }
    return new Detected(
        null, bom, "filen har okänd teckenkodning (varken UTF-8 eller Windows-1252)");
  }

  static boolean decodes(byte[] bytes, int from, int to, Charset charset) {
    try {
      charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int trimPartialUtf8(byte[] head) {
    int end = head.length;
    for (int i = 0; i < 4 && end > 0 && (head[end - 1] & 0xC0) == 0x80; i++) {
      end--;
    }
    if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    return end;
  }
}
