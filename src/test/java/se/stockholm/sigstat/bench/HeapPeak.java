package se.stockholm.sigstat.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Highest heap use while a stage runs, from the JVM's GC notifications rather than sampling: the
 * heap just before each collection (where the peaks are; it grows towards -Xmx because the
 * collector waits until the heap is full) and the largest heap still live after one.
 */
final class HeapPeak implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong live = new AtomicLong();
  private final List<Runnable> removals = new ArrayList<>();

  HeapPeak() {
    NotificationListener listener =
        (n, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              n.getType())) {
            GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long before =
                info.getGcInfo().getMemoryUsageBeforeGc().values().stream()
                    .mapToLong(MemoryUsage::getUsed)
                    .sum();
            peak.accumulateAndGet(before, Math::max);
            live.accumulateAndGet(
                info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                    .mapToLong(MemoryUsage::getUsed)
                    .sum(),
                Math::max);
          }
        };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        removals.add(
            () -> {
              try {
                emitter.removeNotificationListener(listener);
              } catch (javax.management.ListenerNotFoundException ignored) {
                // Already gone.
              }
            });
      }
    }
    sampleNow();
  }

  private void sampleNow() {
    peak.accumulateAndGet(
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
  }

  /** Bytes; includes non-heap pools the GC reports (small next to the heap). */
  long bytes() {
    sampleNow();
    return peak.get();
  }

  /** Largest heap left after a collection: what the stage really kept alive. */
  long liveBytes() {
    return live.get();
  }

  @Override
  public void close() {
    removals.forEach(Runnable::run);
  }
}
