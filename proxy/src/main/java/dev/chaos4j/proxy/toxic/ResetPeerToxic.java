package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code reset_peer}: on the first data (or end of stream) after the toxic starts on a connection,
 * waits {@code timeout} milliseconds, then resets both sides of the connection (TCP RST). Data
 * arriving meanwhile is dropped. Once triggered, the reset happens even if the toxic is removed.
 */
public final class ResetPeerToxic implements Toxic {

  /** The {@code reset_peer} type. */
  public static final ToxicType TYPE =
      ToxicType.of("reset_peer", "ResetToxic", ResetPeerToxic::new, "timeout");

  private final long timeoutNanos;

  ResetPeerToxic(Attributes attributes) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, attributes.get("timeout")));
  }

  @Override
  public Stage newStage(StageContext context) {
    return new ResetStage(context, this);
  }

  private static final class ResetStage extends Stage implements Runnable {
    private ResetPeerToxic toxic;
    private boolean triggered;
    private Future<?> timer;

    ResetStage(StageContext context, ResetPeerToxic toxic) {
      super(context);
      this.toxic = toxic;
    }

    @Override
    public void onData(ByteBuf data, long timestamp) {
      context.discard(data);
      trigger();
    }

    @Override
    public void onEnd() {
      trigger();
    }

    private void trigger() {
      if (triggered) {
        return;
      }
      triggered = true;
      if (toxic.timeoutNanos == 0) {
        context.resetConnection();
      } else {
        timer = context.schedule(this, context.nanoTime() + toxic.timeoutNanos);
      }
    }

    @Override
    public void run() {
      timer = null;
      context.resetConnection();
    }

    @Override
    public void update(Toxic toxic) {
      this.toxic = (ResetPeerToxic) toxic;
    }

    @Override
    public void dispose() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
  }
}
