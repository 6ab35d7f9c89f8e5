package se.stockholm.sigstat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import se.stockholm.sigstat.failure.ConfigurationException;

/**
 * {@code sigstat bench}: the benchmark lives with the test classes, because it compares with
 * DuckDB, which must never be part of the product. {@code ./sigstat bench} puts them on the
 * classpath; a plain installation says how to get it.
 */
@Command(
    name = "bench",
    description =
        "Performance benchmark side by side with DuckDB "
            + "(--persons N, --runs R; see ./sigstat bench --help). Needs the development build: "
            + "run it as ./sigstat bench from the source tree.")
final class BenchCommand implements Callable<Integer> {
  static final String IMPLEMENTATION = "se.stockholm.sigstat.bench.Benchmark";

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Object bench;
    try {
      bench = Class.forName(IMPLEMENTATION).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new ConfigurationException(
          "Prestandamätningen (bench) finns bara i utvecklarbygget: kör "
              + "./sigstat bench i källkatalogen (den bygger testklasserna och DuckDB, som aldrig "
              + "ingår i programmet).");
    }
    CommandLine cl = new CommandLine(bench);
    cl.setExecutionExceptionHandler(new SigstatCommand.ErrorHandler());
    return cl.execute(args.toArray(String[]::new));
  }
}
