package se.stockholm.sigstat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package tree reads top-down: a package imports only packages above it (README). */
class PackageOrderTest {
  /** The pipeline's order; packages on one line may not use each other. */
  private static final List<List<String>> ORDER =
      List.of(
          List.of("failure", "io"),
          List.of("model"),
          List.of("spark"),
          List.of("config"),
          List.of("ingest"),
          List.of("validation"),
          List.of("warehouse"),
          List.of("aggregation"),
          List.of("disclosure"),
          List.of("publish"),
          List.of("reporting"),
          List.of("generate"),
          List.of("jobs"),
          List.of("nightly"),
          List.of("cli"));

  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?se\\.stockholm\\.sigstat\\.([a-z]+)\\.", Pattern.MULTILINE);

  private static int floor(String pkg) {
    for (int i = 0; i < ORDER.size(); i++) {
      if (ORDER.get(i).contains(pkg)) {
        return i;
      }
    }
    throw new AssertionError("Package " + pkg + " is not in the README's order");
  }

  @Test
  void noPackageImportsOneBelowIt() throws IOException {
    Path root = Path.of("src/main/java/se/stockholm/sigstat");
    List<String> upward = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f).getName(0).toString();
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String used = m.group(1);
          if (!used.equals(pkg) && floor(used) >= floor(pkg)) {
            upward.add(root.relativize(f) + " imports " + used);
          }
        }
      }
    }
    assertThat(upward).isEmpty();
  }
}
