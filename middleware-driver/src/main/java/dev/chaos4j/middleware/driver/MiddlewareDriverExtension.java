package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code chaos4j.middleware.actions} and {@code chaos4j.middleware.probes} functions: they
 * drive chaos4j middlewares through their admin API, found in the experiment's configuration.
 */
public final class MiddlewareDriverExtension implements Extension {

  /**
   * Configuration key: the admin API base URL ({@code http://127.0.0.1:9010/chaos4j}; without a
   * path, {@code /chaos4j} is added), a list of them, or a comma-separated string of them.
   */
  public static final String URL = "chaos4j_middleware_url";

  /** Secret (or configuration) key: the admin API's bearer token. */
  public static final String TOKEN = "chaos4j_middleware_token";

  /** Configuration key: the bound on each admin API call, in seconds (default 10). */
  public static final String TIMEOUT = "chaos4j_middleware_timeout";

  /** Configuration key: whether https certificates are checked (default true). */
  public static final String VERIFY_TLS = "chaos4j_middleware_verify_tls";

  /** Configuration key: the lifetime of attacks started without a ttl (default {@code 5m}). */
  public static final String TTL = "chaos4j_middleware_ttl";

  @Override
  public String name() {
    return "chaos4j-middleware-driver";
  }

  @Override
  public List<ActivityFunction> functions() {
    List<ActivityFunction> functions = new ArrayList<>(AttackActions.all());
    functions.addAll(MiddlewareProbes.all());
    return functions;
  }
}
