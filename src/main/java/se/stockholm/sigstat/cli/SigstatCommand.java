package se.stockholm.sigstat.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.failure.DataException;
import se.stockholm.sigstat.failure.ExitCode;
import se.stockholm.sigstat.failure.LockHeldException;
import se.stockholm.sigstat.failure.SigstatException;

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
      VerifyCommand.class,
      NightlyCommand.class,
      SchemaCommand.class,
      BenchCommand.class
    })
public final class SigstatCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The one clock of a command: "today", run ids and time stamps all come from it. */
  private final Clock clock;

  SigstatCommand(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /**
   * The diagnostics are sigstat's DEBUG lines (English, by the logging rule): time, Spark jobs,
   * stages and tasks of every step, the protection's rounds. Inherited, so it may follow the
   * subcommand too.
   */
  @CommandLine.Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "Also print diagnostics (English): time, Spark jobs, stages and tasks of every step.")
  void verbose(boolean on) {
    if (on) {
      Configurator.setLevel(LOGGERS, Level.DEBUG);
    }
  }

  /** The parent of every sigstat logger. */
  static final String LOGGERS = "se.stockholm.sigstat";

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI on Stockholm's wall clock and returns the exit code. */
  public static int execute(String... args) {
    return execute(Clock.system(ZoneId.of("Europe/Stockholm")), args);
  }

  /** Runs the CLI on {@code clock} (tests fix "today" with it) and returns the exit code. */
  public static int execute(Clock clock, String... args) {
    CommandLine cl = new CommandLine(new SigstatCommand(clock));
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println(ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return ExitCode.USAGE.code();
        });
    return cl.execute(LegacyFlags.rewrite(args));
  }

  /**
   * The one place where failures become exit codes: a typed failure by its kind, anything else as a
   * failed run. The screen gets one Swedish line; a stack trace never reaches it, but goes to a log
   * file the line names (the nightly job has already written it to its run log).
   */
  static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
      String line;
      if (ex instanceof ConfigurationException) {
        line = "Fel: " + ex.getMessage();
      } else if (ex instanceof SigstatException) {
        line = ex.getMessage();
      } else {
        line = "Körningen misslyckades av ett oväntat fel";
      }
      // An explained failure needs no stack trace unless bad data surfaced as an exception below
      // it; a failed nightly run (RunFailedException) has already written its own to the run log.
      boolean traced =
          !(ex instanceof SigstatException) || ex instanceof DataException && ex.getCause() != null;
      if (traced) {
        Path log = CrashLog.write(ex, clockOf(cl));
        line +=
            log != null
                ? " (hela felet finns i " + log + ")"
                : " (felet kunde inte skrivas till någon loggfil)";
      }
      cl.getErr().println(line);
      cl.getErr().flush();
      return exitCode(ex).code();
    }

    /** The root command's clock; the benchmark's own command line has none of its own. */
    private static Clock clockOf(CommandLine cl) {
      return cl.getCommandSpec().root().userObject() instanceof SigstatCommand root
          ? root.clock()
          : Clock.system(ZoneId.of("Europe/Stockholm"));
    }

    /** The exit code of a failure, by its type alone; partial (3) is a result, never a failure. */
    static ExitCode exitCode(Throwable ex) {
      if (ex instanceof ConfigurationException) {
        return ExitCode.USAGE;
      }
      if (ex instanceof LockHeldException) {
        return ExitCode.LOCKED;
      }
      // DataException, AuditFailedException, RunFailedException and anything unexpected.
      return ExitCode.FAILED;
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
