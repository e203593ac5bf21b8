package dev.chaos4j.middleware;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters of one attack, kept across updates of its definition (same id) so that {@code
 * maxHits} and the hit count a probe reads are cumulative.
 */
final class AttackState {
  final AtomicLong hits = new AtomicLong();
  final AtomicLong targeted = new AtomicLong();
  final AtomicInteger inFlight = new AtomicInteger();

  /** Set when the attack is removed: requests it is delaying are released. */
  volatile boolean ended;
}
