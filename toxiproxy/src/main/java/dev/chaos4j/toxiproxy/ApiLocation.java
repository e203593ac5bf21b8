package dev.chaos4j.toxiproxy;

import dev.chaos4j.core.value.Py;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the functions find Toxiproxy's API, read from the experiment's configuration as the
 * reference reads it: {@code toxiproxy_url} if set, else {@code http://<toxiproxy_host>:<
 * toxiproxy_port>}. With neither host nor port configured, chaos4j adds a default: the {@code
 * TOXIPROXY_URL} environment variable toxiproxy-cli reads, else {@code http://localhost:8474}.
 */
final class ApiLocation {
  static final String URL = "toxiproxy_url";
  static final String HOST = "toxiproxy_host";
  static final String PORT = "toxiproxy_port";

  /**
   * The host when {@code toxiproxy_host} is absent. The reference builds {@code http://None:8474}
   * and fails; the local default is what a Toxiproxy started with its defaults (or {@code chaos
   * proxy serve}) answers on.
   */
  static final String DEFAULT_HOST = "localhost";

  static final int DEFAULT_PORT = 8474;

  /** The environment variable toxiproxy-cli (and {@code chaos proxy}) read the API URL from. */
  static final String URL_VARIABLE = "TOXIPROXY_URL";

  private ApiLocation() {}

  /** The API's base URL for this configuration (null or empty: the defaults). */
  static String baseUrl(Map<String, Object> configuration) {
    return baseUrl(configuration, System::getenv);
  }

  /** The same, with the environment variables {@code environment} gives. */
  static String baseUrl(Map<String, Object> configuration, UnaryOperator<String> environment) {
    Map<String, Object> c = configuration == null ? Map.of() : configuration;
    Object url = c.get(URL);
    if (Py.truthy(url)) {
      return Py.str(url);
    }
    Object host = c.get(HOST);
    Object port = c.get(PORT);
    String fromEnvironment = environment.apply(URL_VARIABLE);
    if (!Py.truthy(host)
        && !Py.truthy(port)
        && fromEnvironment != null
        && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    String h = Py.truthy(host) ? Py.str(host) : DEFAULT_HOST;
    if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
      h = "[" + h + "]"; // an IPv6 address
    }
    return "http://" + h + ":" + (Py.truthy(port) ? Py.str(port) : DEFAULT_PORT);
  }

  /** A client of the API this configuration names. */
  static ToxiproxyClient client(Map<String, Object> configuration) {
    return new ToxiproxyClient(baseUrl(configuration));
  }
}
