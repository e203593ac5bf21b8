package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.Future;

/**
 * What a stage may ask of the connection it runs in. All calls, and all tasks scheduled through it,
 * run on the connection's single event-loop thread, so stages need no locking.
 */
public interface StageContext {

  /** The current time in {@link System#nanoTime()} units. */
  long nanoTime();

  /** Runs {@code task} on the connection's thread at {@code deadline} (nanoTime units). */
  Future<?> schedule(Runnable task, long deadline);

  /** Drops {@code data}: releases it and forgets its bytes in the connection's accounting. */
  void discard(ByteBuf data);

  /** Closes both sides of the connection once the data already let through has been written. */
  void closeConnection();

  /** Resets both sides of the connection at once (TCP RST), dropping anything not yet sent. */
  void resetConnection();
}
