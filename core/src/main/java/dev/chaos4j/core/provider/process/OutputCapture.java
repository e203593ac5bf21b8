package dev.chaos4j.core.provider.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one output stream of a child process to its end on a pooled thread, so that both streams
 * drain at once and a child filling one pipe never blocks. Keeps at most a given number of bytes;
 * the rest is read and dropped, so the child still never blocks.
 */
final class OutputCapture implements Runnable {
  private static final int CHUNK = 8192;

  private final InputStream in;
  private final int limit;
  private final CountDownLatch done = new CountDownLatch(1);
  private byte[] buffer = new byte[256];
  private int size;
  private boolean truncated;

  private OutputCapture(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /** Starts reading a stream. */
  static OutputCapture start(InputStream in, int limit) {
    OutputCapture capture = new OutputCapture(in, limit);
    Readers.POOL.execute(capture);
    return capture;
  }

  /**
   * Reads to the end of the stream, holding the stream's lock throughout. When a child exits, the
   * JDK swaps its pipe for the bytes still buffered in it and closes the pipe, under that same
   * lock; a read in progress holds the lock and so makes it wait for the real end of the stream.
   * Were the lock free between two reads, a child that exits right after writing would now and then
   * lose its pipe while a process it started in the background still holds it open: the provider
   * would neither wait for that process nor warn about it, and the process would die of SIGPIPE on
   * its next write. A child that exits before its reader has even started (within a millisecond or
   * so of its start) still gets that treatment from the JDK; its own output is complete either way.
   */
  @Override
  public void run() {
    byte[] chunk = new byte[CHUNK];
    synchronized (in) {
      try (in) {
        int n;
        while ((n = in.read(chunk)) >= 0) {
          append(chunk, n);
        }
      } catch (IOException e) {
        // the pipe was closed under us (the child was killed): what was read is all there is
      } finally {
        done.countDown();
      }
    }
  }

  private synchronized void append(byte[] chunk, int n) {
    int kept = Math.min(n, limit - size);
    if (kept < n) {
      truncated = true;
    }
    if (kept <= 0) {
      return;
    }
    if (size + kept > buffer.length) {
      buffer =
          Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(size + kept, 2L * buffer.length)));
    }
    System.arraycopy(chunk, 0, buffer, size, kept);
    size += kept;
  }

  /** Waits until the stream ends; false if it is still open after the given time. */
  boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
    return done.await(timeout, unit);
  }

  /** The bytes read so far. */
  synchronized byte[] bytes() {
    return Arrays.copyOf(buffer, size);
  }

  /** Whether bytes beyond the limit were dropped. */
  synchronized boolean truncated() {
    return truncated;
  }

  /** Daemon threads shared by all captures, created on first use and reused. */
  private static final class Readers {
    private static final AtomicInteger COUNT = new AtomicInteger();
    static final ExecutorService POOL =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "chaos4j-process-output-" + COUNT.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }
}
