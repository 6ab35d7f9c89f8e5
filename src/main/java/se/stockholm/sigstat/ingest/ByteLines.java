package se.stockholm.sigstat.ingest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a byte stream, undecoded, ended by LF, CR or CR LF as Hadoop's text reader ends
 * them, so line numbers are the ones a district sees in its editor. Lines are read one at a time: a
 * file of any size is never held in memory.
 */
public final class ByteLines implements Iterator<byte[]>, Closeable {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private byte[] next;
  private boolean ended;

  public ByteLines(InputStream in) {
    this.in = in;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      next = read();
    }
    return next != null;
  }

  @Override
  public byte[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    byte[] result = next;
    next = null;
    return result;
  }

  private byte[] read() {
    try {
      if (!fill()) {
        ended = true;
        close();
        return null;
      }
      line.reset();
      while (fill()) {
        int start = pos;
        while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') {
          pos++;
        }
        line.write(buffer, start, pos - start);
        if (pos < limit) {
          byte end = buffer[pos++];
          // CR LF is one line end; a lone CR (old Mac files) is one too.
          if (end == '\r' && fill() && buffer[pos] == '\n') {
            pos++;
          }
          break;
        }
      }
      return line.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when a byte is ready at {@code pos}, reading more if needed. */
  private boolean fill() throws IOException {
    while (pos >= limit) {
      int n = in.read(buffer, 0, buffer.length);
      if (n < 0) {
        return false;
      }
      pos = 0;
      limit = n;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
