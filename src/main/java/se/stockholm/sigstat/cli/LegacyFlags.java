package se.stockholm.sigstat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Swedish flag names of earlier versions, still understood so that existing crontabs and
 * scripts keep working; they are rewritten to today's English names before parsing, so they never
 * show in {@code --help} and every command has one name per setting (README, "Settings").
 */
final class LegacyFlags {
  /** Old name to new name. */
  static final Map<String, String> RENAMED =
      Map.of(
          "--leveranser", "--deliveries",
          "--befolkning", "--population",
          "--max-avvisade", "--max-rejected-percent",
          "--indelning", "--district-structure",
          "--look-back", "--look-back-years",
          "--stadsdel", "--district",
          "--leveransdatum", "--delivery-date");

  private LegacyFlags() {}

  /** The arguments with every old flag name replaced (also as --name=value); "--" ends it. */
  static String[] rewrite(String... args) {
    List<String> out = new ArrayList<>(args.length);
    boolean options = true;
    for (String a : args) {
      if (a.equals("--")) {
        options = false;
      }
      out.add(options ? renamed(a) : a);
    }
    return out.toArray(String[]::new);
  }

  private static String renamed(String arg) {
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    String now = RENAMED.get(name);
    return now == null ? arg : now + (eq < 0 ? "" : arg.substring(eq));
  }
}
