package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.Future;

/**
 * {@code bandwidth}: paces data to {@code rate} kilobytes (1000 bytes) per second. A chunk larger
 * than 100 ms worth of data goes out in 100 ms slices. A rate of zero or less lets nothing through
 * (the data is held, and the connection stays open), as in Toxiproxy.
 */
public final class BandwidthToxic implements Toxic {

  /** The {@code bandwidth} type. */
  public static final ToxicType TYPE =
      ToxicType.of("bandwidth", "BandwidthToxic", BandwidthToxic::new, "rate");

  /** Bytes per millisecond, since a kilobyte per second is a byte per millisecond. */
  private final long rate;

  BandwidthToxic(Attributes attributes) {
    this.rate = attributes.get("rate");
  }

  /** The largest piece sent at once: 100 ms worth of data. */
  private int maxPiece() {
    return (int) Math.min(Integer.MAX_VALUE, rate * 100);
  }

  /** How long {@code bytes} take at this rate, in nanoseconds. */
  private long transmitNanos(int bytes) {
    return bytes * 1_000_000L / rate;
  }

  @Override
  public Stage newStage(StageContext context) {
    return new BandwidthStage(context, this);
  }

  private static final class BandwidthStage extends Stage implements Runnable {
    /** Stands for the end of the stream in the queue. */
    private static final Object END = new Object();

    private static final long CATCH_UP_NANOS = 10_000_000;

    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private BandwidthToxic toxic;

    /** When the previous piece finished going out; the next one cannot start before. */
    private long busyUntil = Long.MIN_VALUE;

    private Future<?> timer;
    private int pieceLength;
    private long pieceDeadline;

    BandwidthStage(StageContext context, BandwidthToxic toxic) {
      super(context);
      this.toxic = toxic;
    }

    @Override
    public void onData(ByteBuf data, long timestamp) {
      queue.add(data);
      if (timer == null) {
        pump();
      }
    }

    @Override
    public void onEnd() {
      queue.add(END);
      if (timer == null) {
        pump();
      }
    }

    @Override
    public void run() {
      timer = null;
      emit(pieceLength);
      busyUntil = pieceDeadline;
      pump();
    }

    private void pump() {
      long now = context.nanoTime();
      while (!queue.isEmpty()) {
        if (queue.peek() == END) {
          queue.poll();
          next().onEnd();
          continue;
        }
        if (toxic.rate <= 0) {
          return;
        }
        ByteBuf head = (ByteBuf) queue.peek();
        int length = Math.min(head.readableBytes(), toxic.maxPiece());
        // A timer that fired a little late is made up for on the next piece; after a pause the
        // link starts afresh rather than bursting.
        long start = busyUntil >= now - CATCH_UP_NANOS ? busyUntil : now;
        long deadline = start + toxic.transmitNanos(length);
        if (deadline > now) {
          pieceLength = length;
          pieceDeadline = deadline;
          timer = context.schedule(this, deadline);
          return;
        }
        emit(length);
        busyUntil = deadline;
      }
    }

    private void emit(int length) {
      ByteBuf head = (ByteBuf) queue.peek();
      long now = context.nanoTime();
      if (length >= head.readableBytes()) {
        queue.poll();
        next().onData(head, now);
      } else {
        next().onData(head.readRetainedSlice(length), now);
      }
    }

    @Override
    public void update(Toxic toxic) {
      this.toxic = (BandwidthToxic) toxic;
      if (timer != null) {
        cancelTimer();
        busyUntil = context.nanoTime();
      }
      pump();
    }

    @Override
    public void onRemoved() {
      cancelTimer();
      long now = context.nanoTime();
      while (!queue.isEmpty()) {
        Object item = queue.poll();
        if (item == END) {
          next().onEnd();
        } else {
          next().onData((ByteBuf) item, now);
        }
      }
    }

    @Override
    public void dispose() {
      cancelTimer();
      for (Object item : queue) {
        if (item != END) {
          ((ByteBuf) item).release();
        }
      }
      queue.clear();
    }

    private void cancelTimer() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
  }
}
