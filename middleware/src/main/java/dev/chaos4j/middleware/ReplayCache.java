package dev.chaos4j.middleware;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Remembers the signatures already used until they expire, so a signed header works once. Bounded:
 * when it is full of signatures that have not expired yet, new ones are refused (fail safe) rather
 * than forgetting old ones, which would let them be replayed.
 */
final class ReplayCache {

  /** What {@link #firstUse} found. */
  enum Use {
    FIRST,
    REPLAYED,
    FULL
  }

  private final int capacity;
  private final Map<String, Long> expiries = new HashMap<>();

  ReplayCache(int capacity) {
    this.capacity = capacity;
  }

  /** Records a signature valid until the given second; says whether it was seen before. */
  synchronized Use firstUse(String signature, long expiresAtEpochSecond, long nowEpochSecond) {
    if (expiries.containsKey(signature)) {
      return Use.REPLAYED;
    }
    if (expiries.size() >= capacity) {
      forgetExpired(nowEpochSecond);
      if (expiries.size() >= capacity) {
        return Use.FULL;
      }
    }
    expiries.put(signature, expiresAtEpochSecond);
    return Use.FIRST;
  }

  synchronized int size() {
    return expiries.size();
  }

  private void forgetExpired(long nowEpochSecond) {
    Iterator<Long> it = expiries.values().iterator();
    while (it.hasNext()) {
      if (it.next() < nowEpochSecond) {
        it.remove();
      }
    }
  }
}
