package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code slow_close}: lets data through untouched but passes the end of the stream on only {@code
 * delay} milliseconds after it arrives.
 */
public final class SlowCloseToxic implements Toxic {

  /** The {@code slow_close} type. */
  public static final ToxicType TYPE =
      ToxicType.of("slow_close", "SlowCloseToxic", SlowCloseToxic::new, "delay");

  private final long delayNanos;

  SlowCloseToxic(Attributes attributes) {
    this.delayNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, attributes.get("delay")));
  }

  @Override
  public Stage newStage(StageContext context) {
    return new SlowCloseStage(context, this);
  }

  private static final class SlowCloseStage extends Stage implements Runnable {
    private SlowCloseToxic toxic;
    private long endArrival;
    private Future<?> pendingEnd;

    SlowCloseStage(StageContext context, SlowCloseToxic toxic) {
      super(context);
      this.toxic = toxic;
    }

    @Override
    public void onData(ByteBuf data, long timestamp) {
      next().onData(data, timestamp);
    }

    @Override
    public void onEnd() {
      endArrival = context.nanoTime();
      pendingEnd = context.schedule(this, endArrival + toxic.delayNanos);
    }

    @Override
    public void run() {
      pendingEnd = null;
      next().onEnd();
    }

    @Override
    public void update(Toxic toxic) {
      this.toxic = (SlowCloseToxic) toxic;
      if (pendingEnd != null) {
        pendingEnd.cancel(false);
        pendingEnd = context.schedule(this, endArrival + this.toxic.delayNanos);
      }
    }

    @Override
    public void onRemoved() {
      if (pendingEnd != null) {
        pendingEnd.cancel(false);
        run();
      }
    }

    @Override
    public void dispose() {
      if (pendingEnd != null) {
        pendingEnd.cancel(false);
        pendingEnd = null;
      }
    }
  }
}
