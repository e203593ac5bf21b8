package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.python.PythonBridge;
import dev.chaos4j.core.provider.python.PythonProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs functions the way experiments do: a {@code "type": "python"} provider naming the module and
 * function, through the engine's Python provider and the installed extensions (found by
 * ServiceLoader), with the run's configuration and a secret scope {@code middleware}.
 */
final class Activities implements AutoCloseable {
  private final PythonBridge bridge = new PythonBridge();
  private final PythonProvider provider = new PythonProvider(FunctionRegistry.installed(), bridge);
  private final Map<String, Object> configuration = new LinkedHashMap<>();
  private final Map<String, Object> secrets = new LinkedHashMap<>();

  /** Targets these admin API URLs (a list when several) with the right token. */
  Activities(String... urls) {
    configuration.put(MiddlewareDriverExtension.URL, urls.length == 1 ? urls[0] : List.of(urls));
    token(ChaosApp.TOKEN);
  }

  Activities configure(String key, Object value) {
    configuration.put(key, value);
    return this;
  }

  Activities unconfigure(String key) {
    configuration.remove(key);
    return this;
  }

  Activities token(String token) {
    Map<String, Object> scope = new LinkedHashMap<>();
    if (token != null) {
      scope.put(MiddlewareDriverExtension.TOKEN, token);
    }
    secrets.put("middleware", scope);
    return this;
  }

  /**
   * Runs {@code module.func(arguments)}.
   *
   * @throws dev.chaos4j.core.ActivityFailed when the activity fails
   */
  Object run(String module, String func, Map<String, Object> arguments) {
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("type", "python");
    provider.put("module", module);
    provider.put("func", func);
    provider.put("arguments", new LinkedHashMap<>(arguments));
    provider.put("secrets", List.of("middleware"));
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", module.endsWith("probes") ? "probe" : "action");
    activity.put("name", func);
    activity.put("provider", provider);
    return this.provider.run(
        activity, new ProviderContext(configuration, secrets, Path.of("."), System.getenv()));
  }

  Object action(String func, Map<String, Object> arguments) {
    return run(AttackActions.MODULE, func, arguments);
  }

  Object probe(String func, Map<String, Object> arguments) {
    return run(MiddlewareProbes.MODULE, func, arguments);
  }

  Object proofdock(String func, Map<String, Object> arguments) {
    return run(ProofdockActions.MODULE, func, arguments);
  }

  @Override
  public void close() {
    bridge.close();
  }
}
