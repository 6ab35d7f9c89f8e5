package se.stockholm.sigstat.nightly;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import se.stockholm.sigstat.failure.LockHeldException;

/**
 * One run at a time per warehouse: an operating-system lock on {@code .sigstat.lock} in the
 * warehouse folder. The OS releases it when the holder dies, so a stale lock (killed run) is simply
 * taken over; the file records the holder's PID for whoever looks.
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE = ".sigstat.lock";
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * The lock, for every command that writes the warehouse (and for verify, which must not see a
   * commit half made); {@link LockHeldException} when another live run holds it.
   */
  public static RunLock acquire(Path warehouse) throws IOException {
    RunLock lock = tryAcquire(warehouse);
    if (lock == null) {
      throw new LockHeldException(
          "En annan körning pågår mot lagret " + warehouse + " (låsfilen " + FILE + "); avbryter.");
    }
    return lock;
  }

  /**
   * The lock, or null when another live run holds it. The warehouse folder must exist: taking the
   * lock never creates a warehouse (a typo in a path must not become a new, empty one).
   */
  public static RunLock tryAcquire(Path warehouse) throws IOException {
    FileChannel ch =
        FileChannel.open(
            warehouse.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      ch.close();
      return null;
    }
    ch.truncate(0);
    ch.write(
        ByteBuffer.wrap(
            ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    return new RunLock(ch, l);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
