package dev.chaos4j.middleware.spring.observe;

import dev.chaos4j.middleware.AttackListener;
import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackPlan.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Marks attacked requests in the logs: the MDC entry {@value #MDC_KEY} holds the ids of the attacks
 * acting on the request, and one line per attacked request is logged at the chosen level under the
 * logger {@code dev.chaos4j.middleware}, e.g. {@code chaos4j attack 'slow-orders' hit GET
 * /api/orders: delay 812 ms, then abort 503 (before the handler)}.
 *
 * <p>With {@code requestScopedMdc} (servlet stacks, where a request keeps its thread) the entry is
 * set when the request is attacked and removed when it is over, so every line the application logs
 * for the request carries it. On reactive stacks requests hop between threads: the entry is set
 * only around the attack's own log line, and the WebFlux adapter offers the ids to the handler
 * through the exchange attribute and the Reactor context instead.
 *
 * <p>A call to a dependency is logged as {@code chaos4j attack 'slow-stock' hit outbound GET
 * /api/stock: delay 300 ms (before the call)}; the entry is set only around that line, whatever the
 * stack: the call belongs to a request whose own entry (if it is attacked too) must survive it, and
 * an asynchronous call may end on another thread.
 */
public final class Slf4jAttackListener implements AttackListener {

  /** The MDC key, and the exchange attribute and Reactor context key on WebFlux. */
  public static final String MDC_KEY = "chaos4j.attack";

  private static final Logger LOG = LoggerFactory.getLogger("dev.chaos4j.middleware");

  private final boolean logHits;
  private final Level level;
  private final boolean requestScopedMdc;

  /**
   * A listener logging each attacked request at {@code level} when {@code logHits}, and holding the
   * MDC entry for the whole request when {@code requestScopedMdc}.
   */
  public Slf4jAttackListener(boolean logHits, Level level, boolean requestScopedMdc) {
    this.logHits = logHits;
    this.level = level;
    this.requestScopedMdc = requestScopedMdc;
  }

  /**
   * Reads a level name as the {@code log-hits-level} property gives it.
   *
   * @throws IllegalArgumentException naming the property and the accepted values
   */
  public static Level level(String name) {
    if (name == null || name.isBlank()) {
      return Level.INFO;
    }
    try {
      return Level.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "chaos4j.middleware.log-hits-level must be trace, debug, info, warn or error, got '"
              + name
              + "'");
    }
  }

  @Override
  public void onAttack(AttackPlan plan) {
    boolean requestScoped = requestScopedMdc && !outbound(plan);
    String previous = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, plan.marker());
    try {
      if (logHits && LOG.isEnabledForLevel(level)) {
        LOG.atLevel(level).log(line(plan));
      }
    } finally {
      if (!requestScoped) {
        restore(previous);
      }
    }
  }

  @Override
  public void onDone(AttackPlan plan) {
    if (requestScopedMdc && !outbound(plan)) {
      MDC.remove(MDC_KEY);
    }
  }

  /** Whether the plan is a call's: every hit of one plan has the same direction. */
  private static boolean outbound(AttackPlan plan) {
    return plan.hits().get(0).outbound();
  }

  private static void restore(String previous) {
    if (previous == null) {
      MDC.remove(MDC_KEY);
    } else {
      MDC.put(MDC_KEY, previous);
    }
  }

  private static String line(AttackPlan plan) {
    StringBuilder out = new StringBuilder("chaos4j attack ");
    for (Hit hit : plan.hits()) {
      if (hit != plan.hits().get(0)) {
        out.append(", ");
      }
      out.append('\'').append(hit.attackId()).append('\'');
    }
    out.append(outbound(plan) ? " hit outbound " : " hit ")
        .append(plan.method())
        .append(' ')
        .append(plan.path())
        .append(": ");
    for (Hit hit : plan.hits()) {
      if (hit != plan.hits().get(0)) {
        out.append("; ");
      }
      out.append(hit.describe());
    }
    return out.toString();
  }
}
