package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;

/** The receiving end of a stage: the next stage of the chain, or the destination socket. */
public interface Flow {

  /**
   * Takes one chunk of data; ownership of {@code data} (one reference count) passes to the callee.
   *
   * @param timestamp when the chunk is considered to have arrived, in {@link System#nanoTime()}
   *     units; a latency toxic moves it forward so that toxics further down see the delayed time
   */
  void onData(ByteBuf data, long timestamp);

  /** The sending side has closed its half of the connection: no data follows. */
  void onEnd();
}
