package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.python.PythonBridge;
import dev.chaos4j.core.provider.python.PythonProvider;
import dev.chaos4j.proxy.FaultProxyServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault proxy server on an ephemeral loopback port, and the extension's functions called through
 * the engine's {@code python} provider, as an experiment's activities call them.
 */
final class Chaostoxi implements AutoCloseable {
  final FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0);
  final ToxiproxyClient client = new ToxiproxyClient(server.url().toString());

  private final PythonBridge bridge = new PythonBridge("no-python-needed-by-these-tests");
  private final PythonProvider provider =
      new PythonProvider(FunctionRegistry.of(List.of(new ToxiproxyExtension())), bridge);
  private EchoServer upstream;
  private Map<String, Object> configuration =
      Map.of("toxiproxy_host", "127.0.0.1", "toxiproxy_port", server.port());

  /** A loopback echo server for proxies to forward to, started on first use. */
  EchoServer upstream() throws IOException {
    if (upstream == null) {
      upstream = new EchoServer();
    }
    return upstream;
  }

  /** Replaces the configuration the activities run with. */
  void configure(Map<String, Object> configuration) {
    this.configuration = configuration;
  }

  /** Runs {@code module.func(**arguments)} and returns its output. */
  Object run(String module, String func, Map<String, Object> arguments) {
    return provider.run(activity(module, func, arguments), context());
  }

  /** Runs an activity that must fail, and returns its failure's message. */
  String failure(String module, String func, Map<String, Object> arguments) {
    Throwable thrown = catchThrowable(() -> run(module, func, arguments));
    assertThat(thrown).isInstanceOf(ActivityFailed.class);
    return thrown.getMessage();
  }

  /** Validates an activity as {@code chaos validate} does. */
  void validate(String module, String func, Map<String, Object> arguments) {
    provider.validate(activity(module, func, arguments), context());
  }

  /** Creates a proxy through the API, listening on an ephemeral port; returns that port. */
  int proxy(String name, int upstreamPort) throws InterruptedException {
    Map<String, Object> proxy = new LinkedHashMap<>();
    proxy.put("name", name);
    proxy.put("listen", "127.0.0.1:0");
    proxy.put("upstream", "127.0.0.1:" + upstreamPort);
    String listen = (String) client.createProxy(proxy).get("listen");
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }

  private ProviderContext context() {
    return new ProviderContext(configuration, Map.of(), Path.of("."), System.getenv());
  }

  private static Map<String, Object> activity(
      String module, String func, Map<String, Object> arguments) {
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("type", "python");
    provider.put("module", module);
    provider.put("func", func);
    provider.put("arguments", arguments);
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", "action");
    activity.put("name", func);
    activity.put("provider", provider);
    return activity;
  }

  @Override
  public void close() throws IOException {
    if (upstream != null) {
      upstream.close();
    }
    bridge.close();
    server.close();
  }
}
