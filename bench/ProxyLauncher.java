import dev.chaos4j.proxy.FaultProxyServer;
import java.io.IOException;

/**
 * Starts a fault proxy server for bench/proxy_bench.py and keeps it running until its standard
 * input closes. Prints {@code api <port> <transport>} once the API listens.
 *
 * <pre>
 *   java -cp PROXY_CLASSPATH bench/ProxyLauncher.java [--io-threads N] [--epoll]
 * </pre>
 */
public final class ProxyLauncher {
  private ProxyLauncher() {}

  public static void main(String[] args) throws IOException {
    FaultProxyServer.Builder builder = FaultProxyServer.builder().host("127.0.0.1").port(0);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--io-threads" -> builder.ioThreads(Integer.parseInt(args[++i]));
        case "--epoll" -> builder.nativeTransport(true);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try (FaultProxyServer server = builder.start()) {
      System.out.println(
          "api " + server.port() + " " + (server.isNativeTransport() ? "epoll" : "nio"));
      System.out.flush();
      while (System.in.read() >= 0) {
        // The benchmark ends the server by closing our standard input.
      }
    }
  }
}
