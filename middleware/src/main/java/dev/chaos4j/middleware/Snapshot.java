package dev.chaos4j.middleware;

import dev.chaos4j.middleware.internal.Glob;
import dev.chaos4j.middleware.internal.PathPattern;

/**
 * What the per-request decision reads, published whole through one volatile field: the inbound and
 * outbound attacks acting now, whether attack headers are read, and the excluded routes and hosts.
 * Kept apart by direction so that each side's decision only ever looks at its own attacks.
 * Immutable.
 */
final class Snapshot {

  private static final CompiledAttack[] NONE = new CompiledAttack[0];

  /** Nothing acts: the decision is a single volatile read and a branch. */
  static final Snapshot IDLE = new Snapshot(NONE, false, new PathPattern[0], NONE, new Glob[0]);

  /** The inbound attacks. */
  final CompiledAttack[] attacks;

  final boolean headers;

  /** Whether an inbound request may be attacked. */
  final boolean active;

  final CompiledAttack[] outbound;

  /** Whether an outbound call may be attacked. */
  final boolean outboundActive;

  private final PathPattern[] excluded;
  private final Glob[] excludedHosts;

  Snapshot(
      CompiledAttack[] attacks,
      boolean headers,
      PathPattern[] excluded,
      CompiledAttack[] outbound,
      Glob[] excludedHosts) {
    this.attacks = attacks;
    this.headers = headers;
    this.active = attacks.length > 0 || headers;
    this.excluded = excluded;
    this.outbound = outbound;
    this.outboundActive = outbound.length > 0;
    this.excludedHosts = excludedHosts;
  }

  boolean excludes(String path) {
    for (PathPattern route : excluded) {
      if (route.matches(path)) {
        return true;
      }
    }
    return false;
  }

  boolean excludesHost(String host) {
    for (Glob glob : excludedHosts) {
      if (glob.matches(host)) {
        return true;
      }
    }
    return false;
  }
}
