package se.stockholm.sigstat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sigstat} command line: one subcommand per pipeline stage. */
@Command(
    name = "sigstat",
    mixinStandardHelpOptions = true,
    versionProvider = SigstatCommand.Version.class,
    description = "Statistics and follow-up reports for Stockholm's sociala insatsgrupper (SIG).",
    subcommands = {
      DemoCommand.class,
      GenerateCommand.class,
      ValidateCommand.class,
      IngestCommand.class,
      AggregateCommand.class,
      AuditCommand.class,
      ReportCommand.class,
      NightlyCommand.class,
      SchemaCommand.class,
      BenchCommand.class
    })
public final class SigstatCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code (tests call this in-process too). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new SigstatCommand());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println(ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return ExitCode.USAGE.code();
        });
    return cl.execute(args);
  }

  /** Maps exceptions to exit codes; never swallows one silently. */
  static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
      if (ex instanceof IllegalArgumentException) {
        cl.getErr().println("Fel: " + ex.getMessage());
        return ExitCode.USAGE.code();
      }
      cl.getErr().println("Körningen misslyckades: " + ex);
      ex.printStackTrace(cl.getErr());
      return ExitCode.FAILED.code();
    }
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SigstatCommand.class.getPackage().getImplementationVersion();
      return new String[] {"sigstat " + (v == null ? "(development build)" : v)};
    }
  }
}
