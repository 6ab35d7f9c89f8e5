package se.stockholm.sigstat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.model.DataDictionary;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/** Prints the data dictionary generated from data-schema/. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the data dictionary (Markdown) generated from data-schema/.")
final class SchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(DataDictionary.markdown(DataSchemaLoader.load()));
    return ExitCode.OK.code();
  }
}
