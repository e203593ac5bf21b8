package dev.chaos4j.middleware;

import dev.chaos4j.middleware.AttackPlan.Hit;

/**
 * Observes attacked requests, for metrics, logs and traces; registered with {@link
 * ChaosMiddleware#addListener}. Only attacked requests and changes that stop attacks are reported:
 * a request left alone is never seen, so listeners cost nothing on that path.
 *
 * <p>Listeners run on the request's path: they must be quick. One that throws is logged and the
 * request goes on.
 */
public interface AttackListener {

  /**
   * A request is attacked. Called once, by the thread that decided (the request's thread in a
   * servlet container), before any effect.
   */
  default void onAttack(AttackPlan plan) {}

  /**
   * One hit's delay is over: served in full, or cut short by the kill switch or by the removal of
   * its attack.
   *
   * @param servedMillis how long the request was held, in milliseconds
   */
  default void onDelay(AttackPlan plan, Hit hit, long servedMillis) {}

  /** The attacked request is over: its plan was closed (on the thread that closed it). */
  default void onDone(AttackPlan plan) {}

  /**
   * Some attacks stopped acting: the middleware was switched off or closed, or attacks were
   * deleted, cleared or expired. Adapters that wait without {@link AttackPlan#pause} end the delays
   * whose hit is no longer {@linkplain AttackPlan#acts live}. Called by the thread that made the
   * change.
   */
  default void onDisarm() {}
}
