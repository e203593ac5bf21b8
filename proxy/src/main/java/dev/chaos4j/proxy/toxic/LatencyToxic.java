package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code latency}: delays every chunk to its arrival time plus {@code latency} milliseconds, give
 * or take up to {@code jitter} milliseconds (uniformly). Delays do not add up from chunk to chunk,
 * and chunks keep their order.
 */
public final class LatencyToxic implements Toxic {

  /** The {@code latency} type. */
  public static final ToxicType TYPE =
      ToxicType.of("latency", "LatencyToxic", LatencyToxic::new, "latency", "jitter");

  private final long latencyNanos;
  private final long jitterNanos;

  LatencyToxic(Attributes attributes) {
    this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(attributes.get("latency"));
    this.jitterNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, attributes.get("jitter")));
  }

  long delay() {
    if (jitterNanos == 0) {
      return latencyNanos;
    }
    return latencyNanos + ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos);
  }

  @Override
  public Stage newStage(StageContext context) {
    return new LatencyStage(context, this);
  }

  private static final class LatencyStage extends Stage {
    private final TimedQueue queue = new TimedQueue(this);
    private LatencyToxic toxic;

    LatencyStage(StageContext context, LatencyToxic toxic) {
      super(context);
      this.toxic = toxic;
    }

    @Override
    public void onData(ByteBuf data, long timestamp) {
      queue.add(data, timestamp, timestamp + toxic.delay());
    }

    @Override
    public void onEnd() {
      long now = context.nanoTime();
      queue.addEnd(now, now);
    }

    @Override
    public void update(Toxic toxic) {
      LatencyToxic updated = (LatencyToxic) toxic;
      this.toxic = updated;
      queue.retime(arrival -> arrival + updated.delay());
    }

    @Override
    public void onRemoved() {
      queue.releaseAll();
    }

    @Override
    public void dispose() {
      queue.dispose();
    }
  }
}
