package se.stockholm.sigstat.testing;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import se.stockholm.sigstat.spark.SparkSessions;

/**
 * One SparkSession for the whole test run, kept in the root extension store and stopped when the
 * run ends: local[2], UI off, two shuffle partitions, driver on 127.0.0.1.
 */
public final class SharedSpark implements ParameterResolver {
  private static final String KEY = "sigstat.spark";

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return c.getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(KEY, k -> new Holder(), Holder.class)
        .spark;
  }

  /** Stops the session when JUnit closes the root store. */
  static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final SparkSession spark =
        SparkSessions.create(
            "local[2]",
            Map.of(
                "spark.sql.shuffle.partitions", "2",
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1"));

    @Override
    public void close() {
      spark.stop();
    }
  }
}
