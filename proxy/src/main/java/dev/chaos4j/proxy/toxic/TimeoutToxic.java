package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}: drops all data. With {@code timeout} above zero, closes the connection that many
 * milliseconds after the toxic started on it; with zero, the connection just hangs. Removing the
 * toxic closes the connections it was dropping data on, since they have lost bytes.
 */
public final class TimeoutToxic implements Toxic {

  /** The {@code timeout} type. */
  public static final ToxicType TYPE =
      ToxicType.of("timeout", "TimeoutToxic", TimeoutToxic::new, "timeout");

  private final long timeoutNanos;

  TimeoutToxic(Attributes attributes) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(attributes.get("timeout"));
  }

  @Override
  public Stage newStage(StageContext context) {
    return new TimeoutStage(context, this);
  }

  private static final class TimeoutStage extends Stage implements Runnable {
    private Future<?> timer;
    private boolean ended;

    TimeoutStage(StageContext context, TimeoutToxic toxic) {
      super(context);
      start(toxic);
    }

    private void start(TimeoutToxic toxic) {
      if (toxic.timeoutNanos > 0) {
        timer = context.schedule(this, context.nanoTime() + toxic.timeoutNanos);
      }
    }

    @Override
    public void onData(ByteBuf data, long timestamp) {
      context.discard(data);
    }

    @Override
    public void onEnd() {
      ended = true;
      cancel();
      next().onEnd();
    }

    @Override
    public void run() {
      timer = null;
      context.closeConnection();
    }

    @Override
    public void update(Toxic toxic) {
      if (!ended) {
        cancel();
        start((TimeoutToxic) toxic);
      }
    }

    @Override
    public void onRemoved() {
      cancel();
      if (!ended) {
        context.closeConnection();
      }
    }

    @Override
    public void dispose() {
      cancel();
    }

    private void cancel() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
  }
}
