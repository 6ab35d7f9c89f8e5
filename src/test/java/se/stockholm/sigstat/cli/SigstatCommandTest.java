package se.stockholm.sigstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.stockholm.sigstat.failure.AuditFailedException;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.failure.DataException;
import se.stockholm.sigstat.failure.LockHeldException;
import se.stockholm.sigstat.publish.StatistikFiles;

/** The one place failures become exit codes, and what the user's screen gets of them. */
class SigstatCommandTest {
  private static final Pattern LOG_FILE = Pattern.compile("hela felet finns i (\\S+\\.log)");

  /** Exit code and what went to the error stream of one in-process run. */
  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    CommandLine cl = new CommandLine(new SigstatCommand(java.time.Clock.systemUTC()));
    cl.setExecutionExceptionHandler(new SigstatCommand.ErrorHandler());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    return new Outcome(cl.execute(args), err.toString());
  }

  private static Outcome handle(Exception e) {
    CommandLine cl = new CommandLine(new SigstatCommand(java.time.Clock.systemUTC()));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    return new Outcome(
        new SigstatCommand.ErrorHandler().handleExecutionException(e, cl, null), err.toString());
  }

  @Test
  void verboseTurnsOnTheDiagnosticsBeforeOrAfterTheSubcommand(@TempDir Path dir) {
    Logger sigstat = LogManager.getLogger(SigstatCommand.LOGGERS);
    Level before = sigstat.getLevel();
    try {
      assertThat(run("schema").code()).isZero();
      assertThat(sigstat.isDebugEnabled()).isFalse();
      assertThat(run("--verbose", "schema").code()).isZero();
      assertThat(sigstat.isDebugEnabled()).isTrue();
      Configurator.setLevel(SigstatCommand.LOGGERS, before);
      assertThat(run("verify", "-v", "--warehouse", dir.toString()).err())
          .doesNotContain("Unknown option");
      assertThat(sigstat.isDebugEnabled()).isTrue();
    } finally {
      Configurator.setLevel(SigstatCommand.LOGGERS, before);
    }
  }

  @Test
  void aDamagedStatistikTableIsAFailureNotAUsageErrorAndShowsNoStackTrace(@TempDir Path run)
      throws IOException {
    Files.writeString(
        run.resolve(StatistikFiles.CSV),
        String.join(",", StatistikFiles.COLUMNS)
            + "\n2025,2025-01-01,2025-12-31,2025-12-31,AKTUELLA,,STHLM,ALLA,ALLA,ALLA,"
            + "sex,,,,,S\n");
    Outcome o = run("audit", run.toString());
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.err().lines()).hasSize(1);
    assertThat(o.err()).contains("statistik.csv", "skadad").doesNotContain("Exception", "\tat ");
    Matcher log = LOG_FILE.matcher(o.err());
    assertThat(log.find()).as(o.err()).isTrue();
    assertThat(Files.readString(Path.of(log.group(1)))).contains("NumberFormatException", "\tat ");
    Files.delete(Path.of(log.group(1)));
  }

  @Test
  void aRunFolderWithoutATableIsAUsageError(@TempDir Path run) {
    Outcome o = run("audit", run.resolve("finns-inte").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).startsWith("Fel: ").contains("har ingen statistik.csv");
  }

  @Test
  void eachKindOfFailureHasItsExitCode() {
    assertThat(handle(new ConfigurationException("jobbfilen saknas")))
        .isEqualTo(new Outcome(2, "Fel: jobbfilen saknas" + System.lineSeparator()));
    assertThat(handle(new LockHeldException("En annan körning pågår")))
        .isEqualTo(new Outcome(4, "En annan körning pågår" + System.lineSeparator()));
    assertThat(handle(new DataException("Lagret är skadat")))
        .isEqualTo(new Outcome(1, "Lagret är skadat" + System.lineSeparator()));
    assertThat(handle(new AuditFailedException(List.of("en cell"))))
        .extracting(Outcome::code)
        .isEqualTo(1);
  }

  @Test
  void anUnexpectedFailureIsExitOneWithItsStackTraceInALogFileNotOnTheScreen() throws IOException {
    Outcome o = handle(new IllegalArgumentException("internal detail"));
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.err())
        .startsWith("Körningen misslyckades av ett oväntat fel")
        .doesNotContain("IllegalArgumentException", "internal detail", "\tat ");
    Matcher log = LOG_FILE.matcher(o.err());
    assertThat(log.find()).as(o.err()).isTrue();
    assertThat(Files.readString(Path.of(log.group(1))))
        .contains("IllegalArgumentException: internal detail", "\tat ");
    Files.delete(Path.of(log.group(1)));
  }
}
