package dev.chaos4j.proxy.toxic;

/**
 * One configured fault, with its attributes fixed. A toxic is shared by every connection of its
 * proxy; what belongs to one connection lives in the {@link Stage} it creates for each direction.
 */
public interface Toxic {

  /**
   * Starts this toxic on one direction of one connection.
   *
   * @return the stage that alters the data, or {@code null} when this toxic leaves the data alone
   *     (the direction then keeps its zero-copy fast path)
   */
  Stage newStage(StageContext context);

  /**
   * How long a new connection waits before the proxy opens its upstream side, in nanoseconds. Only
   * connection-level toxics return more than zero.
   */
  default long connectDelayNanos() {
    return 0;
  }
}
