package dev.chaos4j.cli.proxy;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.proxy.FaultProxyException;
import dev.chaos4j.proxy.FaultProxyServer;
import dev.chaos4j.proxy.FaultProxyServer.ProxyInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fault proxy run by {@code chaos proxy serve}: started, announced in one log line, kept until
 * the stop request, then closed with every proxied connection. The only class of the command line
 * that touches the proxy module, so that no other command loads it.
 */
final class EmbeddedProxy {
  private static final Log LOG = Log.of(EmbeddedProxy.class);

  private EmbeddedProxy() {}

  /**
   * Runs the proxy until {@code stop} fires or the thread is interrupted (its interrupt status is
   * then kept).
   *
   * @param configFile the proxies to create at start, or {@code null}
   * @throws ChaosException with one line saying what failed when the proxy cannot start; nothing is
   *     left running then
   */
  static void serve(String host, int port, Path configFile, StopSignals stop) {
    FaultProxyServer server = start(host, port, configFile);
    try (server) {
      LOG.info("Fault proxy API on " + server.url() + ", " + describe(server.proxies()));
      String signal = stop.await();
      LOG.info(signal + " received: closing the fault proxy and its connections");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.info("Interrupted: closing the fault proxy and its connections");
    }
    LOG.info("Fault proxy stopped");
  }

  private static FaultProxyServer start(String host, int port, Path configFile) {
    try {
      return FaultProxyServer.builder().host(host).port(port).config(configFile).start();
    } catch (FaultProxyException e) {
      throw new ChaosException("Fault proxy not started: " + e.getMessage(), e);
    }
  }

  /** E.g. {@code proxies: user_dev 127.0.0.1:18081 -> 127.0.0.1:18080}. */
  static String describe(List<ProxyInfo> proxies) {
    if (proxies.isEmpty()) {
      return "no proxies yet";
    }
    return proxies.stream()
        .map(
            p ->
                p.name()
                    + " "
                    + p.listen()
                    + " -> "
                    + p.upstream()
                    + (p.enabled() ? "" : " (disabled)"))
        .collect(Collectors.joining(", ", "proxies: ", ""));
  }
}
