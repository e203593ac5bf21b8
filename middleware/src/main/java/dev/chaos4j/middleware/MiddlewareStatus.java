package dev.chaos4j.middleware;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of the middleware as a whole: whether it may act, the instance's identity, and the
 * health of its control channels.
 *
 * @param enabled the configuration allows the middleware to act
 * @param ready the application signalled it is ready
 * @param switchedOn the runtime switch (admin API enable/disable) is on
 * @param application this application's name
 * @param environment this application's environment
 * @param instance this instance's name
 * @param attacks attacks installed (acting or not)
 * @param headers counts of attack headers accepted and refused, by outcome
 * @param control the control URL's state, or {@code null} when none is configured
 */
public record MiddlewareStatus(
    boolean enabled,
    boolean ready,
    boolean switchedOn,
    String application,
    String environment,
    String instance,
    int attacks,
    Map<String, Long> headers,
    Control control) {

  /** Whether attacks act now: enabled, ready and switched on. */
  public boolean armed() {
    return enabled && ready && switchedOn;
  }

  /**
   * The control URL's state.
   *
   * @param url the URL polled
   * @param lastSuccess the last successful poll, or {@code null}
   * @param lastFailure the last failed poll, or {@code null}
   * @param lastError why the last poll failed, or {@code null} when it succeeded
   */
  public record Control(URI url, Instant lastSuccess, Instant lastFailure, String lastError) {}

  /** The JSON form. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", enabled);
    out.put("ready", ready);
    out.put("switchedOn", switchedOn);
    out.put("armed", armed());
    out.put("application", application);
    out.put("environment", environment);
    out.put("instance", instance);
    out.put("attacks", attacks);
    out.put("headers", headers);
    if (control != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("url", control.url().toString());
      c.put("lastSuccess", control.lastSuccess() == null ? null : control.lastSuccess().toString());
      c.put("lastFailure", control.lastFailure() == null ? null : control.lastFailure().toString());
      c.put("lastError", control.lastError());
      out.put("control", c);
    }
    return out;
  }
}
