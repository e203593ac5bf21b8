package dev.chaos4j.proxy.toxic;

import java.util.concurrent.TimeUnit;

/**
 * {@code slow_connect} (a chaos4j addition): a new connection waits {@code delay} milliseconds
 * before the proxy opens its upstream side, so the first bytes in either direction arrive that much
 * later. The client's own TCP handshake is completed by the kernel and cannot be delayed from user
 * space. Applies to connections opened while the toxic exists, whatever its stream.
 */
public final class SlowConnectToxic implements Toxic {

  /** The {@code slow_connect} type. */
  public static final ToxicType TYPE =
      ToxicType.of("slow_connect", "SlowConnectToxic", SlowConnectToxic::new, "delay");

  private final long delayNanos;

  SlowConnectToxic(Attributes attributes) {
    this.delayNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, attributes.get("delay")));
  }

  @Override
  public Stage newStage(StageContext context) {
    return null;
  }

  @Override
  public long connectDelayNanos() {
    return delayNanos;
  }
}
