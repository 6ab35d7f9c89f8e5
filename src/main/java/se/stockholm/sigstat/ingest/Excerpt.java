package se.stockholm.sigstat.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short, printable excerpt of text taken from a delivery (a value, a header name, a folder name):
 * control and invisible formatting characters become {@code ?}, and anything past {@link #MAX}
 * characters is cut and marked with the full length, so that no file can flood a terminal or the
 * ledger, or hide text in it.
 */
public final class Excerpt {
  /** The most characters of a delivered value or name ever shown. */
  public static final int MAX = 60;

  /** The most characters of a message that quotes delivered values (a rejection reason). */
  public static final int MESSAGE_MAX = 300;

  private static final Pattern CUT = Pattern.compile("(?s)(.*)… \\(\\d+ tecken\\)");

  private Excerpt() {}

  /** The excerpt of a value or name (null stays null). */
  public static String of(String text) {
    return of(text, MAX);
  }

  /**
   * The excerpt of {@code text} with at most {@code max} characters kept (null stays null). An
   * excerpt is its own excerpt: the mark of a cut does not count towards {@code max}.
   */
  public static String of(String text, int max) {
    if (text == null) {
      return null;
    }
    Matcher cut = CUT.matcher(text);
    if (cut.matches()
        && cut.group(1).length() <= max
        && of(cut.group(1), max).equals(cut.group(1))) {
      return text;
    }
    int shown = text.offsetByCodePoints(0, Math.min(max, text.codePointCount(0, text.length())));
    StringBuilder sb = new StringBuilder(shown + 24);
    text.substring(0, shown).codePoints().forEach(c -> sb.appendCodePoint(printable(c) ? c : '?'));
    if (shown < text.length()) {
      sb.append("… (").append(text.length()).append(" tecken)");
    }
    return sb.toString();
  }

  /** Whether the text needs no excerpt: short and printable as it is. */
  public static boolean isShort(String text) {
    return text == null || text.equals(of(text));
  }

  private static boolean printable(int c) {
    int type = Character.getType(c);
    return !(Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR);
  }
}
