package dev.chaos4j.middleware;

import dev.chaos4j.middleware.internal.PathPattern;

/**
 * What the per-request decision reads, published whole through one volatile field: the attacks
 * acting now, whether attack headers are read, and the excluded routes. Immutable.
 */
final class Snapshot {

  /** Nothing acts: the decision is a single volatile read and a branch. */
  static final Snapshot IDLE = new Snapshot(new CompiledAttack[0], false, new PathPattern[0]);

  final CompiledAttack[] attacks;
  final boolean headers;
  final boolean active;
  private final PathPattern[] excluded;

  Snapshot(CompiledAttack[] attacks, boolean headers, PathPattern[] excluded) {
    this.attacks = attacks;
    this.headers = headers;
    this.active = attacks.length > 0 || headers;
    this.excluded = excluded;
  }

  boolean excludes(String path) {
    for (PathPattern route : excluded) {
      if (route.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
