package se.stockholm.sigstat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The test JVMs run C1 alone (pom.xml), for which the JVM would reserve 48 MB of code cache. The
 * unit tests' compiled code outgrows it (72 MB): the JVM then stops compiling, and it died once
 * when it needed room for a call adapter ("Out of space in CodeCache for adapters", exit 50).
 */
class TestJvmCodeCacheTest {
  @Test
  void theTestJvmHasTheTieredJitsCodeCache() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    long bytes = Long.parseLong(vm.getVMOption("ReservedCodeCacheSize").getValue());
    assertThat(bytes).as("ReservedCodeCacheSize").isGreaterThanOrEqualTo(240L * 1024 * 1024);
  }
}
