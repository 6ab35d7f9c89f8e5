package se.stockholm.sigstat.spark;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs, stages and tasks a session has run. At city size Spark's fixed cost per
 * job dominates the work per row, so the number of jobs is the figure to watch (and to pin in
 * tests).
 */
public final class SparkWork extends SparkListener {
  /** Work done, or the difference between two moments. */
  public record Counts(long jobs, long stages, long tasks) {
    public Counts since(Counts before) {
      return new Counts(jobs - before.jobs, stages - before.stages, tasks - before.tasks);
    }

    @Override
    public String toString() {
      return jobs + " Spark jobs, " + stages + " stages, " + tasks + " tasks";
    }
  }

  private static final Map<SparkContext, SparkWork> BY_CONTEXT =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final SparkContext context;
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong stages = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();

  private SparkWork(SparkContext context) {
    this.context = context;
  }

  /** The counter of this session's context, registered on first use. */
  public static SparkWork of(SparkSession spark) {
    return BY_CONTEXT.computeIfAbsent(
        spark.sparkContext(),
        sc -> {
          SparkWork w = new SparkWork(sc);
          sc.addSparkListener(w);
          return w;
        });
  }

  /** Counts so far, after the listener bus has delivered what already happened. */
  public Counts counts() {
    // Events arrive asynchronously; without draining, the last job's stages may be missing.
    if (!context.isStopped()) {
      try {
        context.listenerBus().waitUntilEmpty();
      } catch (TimeoutException e) {
        // A count that is a few events short is still a count; never fail a run over it.
      }
    }
    return new Counts(jobs.get(), stages.get(), tasks.get());
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
    stages.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    tasks.incrementAndGet();
  }
}
