package dev.chaos4j.core.run;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.value.Py;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * An activity's {@code "retry": {"count": N, "delay": seconds}} block (an opt-in extension the
 * reference does not know): a failed activity is run again up to {@code count} more times, {@code
 * delay} seconds apart.
 *
 * @param count how many times a failed activity is run again (0: once only)
 * @param delay seconds waited before each new attempt
 */
public record RetryPolicy(int count, double delay) {
  /** No retry: what an activity without a {@code retry} block gets. */
  public static final RetryPolicy NONE = new RetryPolicy(0, 0);

  /** A bound that keeps a typo from turning into hours of retries. */
  static final int MAX_COUNT = 1000;

  private static final Set<String> KEYS = Set.of("count", "delay");

  /**
   * The policy of an activity: {@link #NONE} without a {@code retry} key.
   *
   * @throws InvalidActivity naming the activity and the key when the block is malformed
   */
  public static RetryPolicy of(Map<String, Object> activity) {
    if (!activity.containsKey("retry")) {
      return NONE;
    }
    String where = "retry of activity '" + activity.get("name") + "'";
    if (!(activity.get("retry") instanceof Map<?, ?> block)) {
      throw new InvalidActivity(
          where
              + " must be a mapping such as {\"count\": 3, \"delay\": 1}, not "
              + Py.typeName(activity.get("retry")));
    }
    for (Object key : block.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw new InvalidActivity(
            where + " has an unknown key '" + key + "' (count and delay are known)");
      }
    }
    Object count = block.get("count");
    if (!(count instanceof Integer || count instanceof Long || count instanceof BigInteger)
        || ((Number) count).doubleValue() < 0
        || ((Number) count).doubleValue() > MAX_COUNT) {
      throw new InvalidActivity(
          where
              + ": count must be a whole number from 0 to "
              + MAX_COUNT
              + ", not "
              + Py.repr(count));
    }
    Object delay = block.containsKey("delay") ? block.get("delay") : 0;
    if (!(delay instanceof Number n) || !(n.doubleValue() >= 0) || n.doubleValue() > 86_400) {
      throw new InvalidActivity(
          where + ": delay must be a number of seconds from 0 to 86400, not " + Py.repr(delay));
    }
    return new RetryPolicy(((Number) count).intValue(), ((Number) delay).doubleValue());
  }

  /** How many attempts at most. */
  int attempts() {
    return count + 1;
  }
}
