package dev.chaos4j.core.run;

import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Py;
import java.util.Map;

/**
 * The tolerance of a hypothesis probe that declares none (the reference refuses such probes; older
 * experiments, such as the Toxiproxy tutorial's, rely on them): the probe is met when it succeeded
 * and, for an HTTP or process output, when the status says so (HTTP below 400, exit code 0).
 */
final class ImplicitTolerance {
  private static final Log LOG = Log.of(ImplicitTolerance.class);

  private ImplicitTolerance() {}

  static ToleranceCheck.Verdict check(Map<String, Object> probe, Object output) {
    Object type = probe.get("provider") instanceof Map<?, ?> provider ? provider.get("type") : null;
    LOG.debug("Probe '" + probe.get("name") + "' declares no tolerance: met when it succeeds");
    if (output instanceof Map<?, ?> m && Py.isInt(m.get("status"))) {
      long status = ((Number) m.get("status")).longValue();
      if ("http".equals(type) && status >= 400) {
        return new ToleranceCheck.Verdict(
            false, "no tolerance declared: expected an HTTP status below 400, got " + status);
      }
      if ("process".equals(type) && status != 0) {
        return new ToleranceCheck.Verdict(
            false, "no tolerance declared: expected exit code 0, got " + status);
      }
    }
    return new ToleranceCheck.Verdict(true, null);
  }
}
