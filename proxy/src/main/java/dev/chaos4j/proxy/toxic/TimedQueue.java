package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.Future;
import java.util.function.LongUnaryOperator;

/**
 * Chunks (and the end of the stream) waiting for their release time, released in arrival order by
 * one timer. Release times never go backwards, so a chunk never overtakes an earlier one. Shared by
 * the toxics that delay data: latency, slicer, slow_close.
 */
final class TimedQueue implements Runnable {

  /** Stands for the end of the stream in the queue. */
  private static final ByteBuf END = null;

  private final Stage owner;
  private ByteBuf[] chunks = new ByteBuf[8];
  private long[] arrivals = new long[8];
  private long[] releases = new long[8];
  private int head;
  private int size;
  private Future<?> timer;

  TimedQueue(Stage owner) {
    this.owner = owner;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Queues {@code data} for release at {@code release}, or passes it on now if nothing waits. */
  void add(ByteBuf data, long arrival, long release) {
    if (size == 0 && release <= owner.context.nanoTime()) {
      owner.next().onData(data, Math.max(arrival, release));
      return;
    }
    push(data, arrival, release);
  }

  /** Queues the end of the stream for release at {@code release}. */
  void addEnd(long arrival, long release) {
    if (size == 0 && release <= owner.context.nanoTime()) {
      owner.next().onEnd();
      return;
    }
    push(END, arrival, release);
  }

  /** Recomputes every release time from its chunk's arrival time, keeping the order. */
  void retime(LongUnaryOperator releaseForArrival) {
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      int at = index(i);
      previous = Math.max(previous, releaseForArrival.applyAsLong(arrivals[at]));
      releases[at] = previous;
    }
    cancelTimer();
    release();
  }

  /** Passes everything on now, in order. */
  void releaseAll() {
    cancelTimer();
    while (size > 0) {
      emitHead();
    }
  }

  /** Drops everything held and stops the timer. */
  void dispose() {
    cancelTimer();
    while (size > 0) {
      ByteBuf chunk = chunks[head];
      pop();
      if (chunk != END) {
        chunk.release();
      }
    }
  }

  @Override
  public void run() {
    timer = null;
    release();
  }

  private void release() {
    long now = owner.context.nanoTime();
    while (size > 0 && releases[head] <= now) {
      emitHead();
    }
    if (size > 0 && timer == null) {
      timer = owner.context.schedule(this, releases[head]);
    }
  }

  private void emitHead() {
    ByteBuf chunk = chunks[head];
    long release = releases[head];
    pop();
    if (chunk == END) {
      owner.next().onEnd();
    } else {
      owner.next().onData(chunk, release);
    }
  }

  private void push(ByteBuf chunk, long arrival, long release) {
    if (size == chunks.length) {
      grow();
    }
    if (size > 0) {
      release = Math.max(release, releases[index(size - 1)]);
    }
    int at = index(size);
    chunks[at] = chunk;
    arrivals[at] = arrival;
    releases[at] = release;
    size++;
    if (timer == null) {
      timer = owner.context.schedule(this, releases[head]);
    }
  }

  private void pop() {
    chunks[head] = null;
    head = (head + 1) % chunks.length;
    size--;
  }

  private int index(int offset) {
    return (head + offset) % chunks.length;
  }

  private void grow() {
    int capacity = chunks.length * 2;
    ByteBuf[] newChunks = new ByteBuf[capacity];
    long[] newArrivals = new long[capacity];
    long[] newReleases = new long[capacity];
    for (int i = 0; i < size; i++) {
      int at = index(i);
      newChunks[i] = chunks[at];
      newArrivals[i] = arrivals[at];
      newReleases[i] = releases[at];
    }
    chunks = newChunks;
    arrivals = newArrivals;
    releases = newReleases;
    head = 0;
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
