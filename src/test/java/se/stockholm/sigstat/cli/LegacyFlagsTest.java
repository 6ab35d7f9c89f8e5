package se.stockholm.sigstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyFlagsTest {
  @Test
  void oldSwedishFlagNamesBecomeTheEnglishOnes() {
    assertThat(
            LegacyFlags.rewrite(
                "ingest", "--leveranser", "lev", "--max-avvisade=10", "--warehouse", "w"))
        .containsExactly(
            "ingest", "--deliveries", "lev", "--max-rejected-percent=10", "--warehouse", "w");
    assertThat(LegacyFlags.rewrite("aggregate", "--indelning", "2025-12-31", "--look-back", "1"))
        .containsExactly(
            "aggregate", "--district-structure", "2025-12-31", "--look-back-years", "1");
  }

  @Test
  void valuesAndEverythingAfterTheEndOfOptionsAreLeftAlone() {
    assertThat(LegacyFlags.rewrite("validate", "--", "--leveranser"))
        .containsExactly("validate", "--", "--leveranser");
  }

  @Test
  void everyNewNameIsAnOptionOfSomeCommand() {
    picocli.CommandLine cl =
        new picocli.CommandLine(new SigstatCommand(java.time.Clock.systemUTC()));
    java.util.Set<String> names = new java.util.HashSet<>();
    cl.getSubcommands()
        .values()
        .forEach(
            c ->
                c.getCommandSpec()
                    .options()
                    .forEach(o -> names.addAll(java.util.List.of(o.names()))));
    assertThat(names).containsAll(LegacyFlags.RENAMED.values());
    assertThat(names).doesNotContainAnyElementsOf(LegacyFlags.RENAMED.keySet());
  }
}
