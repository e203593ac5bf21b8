package dev.chaos4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a server: configuration files, metrics, transports and start-up failures. */
class ServerOptionsTest {

  @TempDir Path dir;

  @Test
  void aConfigFileDeclaresProxiesWithTheirToxics() throws IOException {
    try (TcpServer echo = TcpServer.echo()) {
      Path config = dir.resolve("proxies.json");
      Files.writeString(
          config,
          "[{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
              + echo.address()
              + "\",\"toxics\":[{\"type\":\"latency\",\"stream\":\"both\","
              + "\"attributes\":{\"latency\":60}}]},{\"name\":\"off\",\"listen\":\"127.0.0.1:0\","
              + "\"upstream\":\"x:1\",\"enabled\":false}]");

      try (FaultProxyServer server =
          FaultProxyServer.builder().host("127.0.0.1").port(0).config(config).start()) {
        Api api = new Api(server);
        String db = api.get("/proxies/db").body();
        assertThat(db).contains("\"name\":\"latency_both\"", "\"latency\":60");
        assertThat(api.get("/proxies/off").body()).contains("\"enabled\":false");
        int port =
            Integer.parseInt(db.replaceAll(".*\"listen\":\"127\\.0\\.0\\.1:(\\d+)\".*", "$1"));
        try (Client client = new Client(port)) {
          assertThat(client.fastestRoundTripMillis(2)).isGreaterThanOrEqualTo(119.0);
        }
      }
    }
  }

  @Test
  void proxiesListsEveryProxyByNameWithItsBoundAddress() throws IOException {
    Path config = dir.resolve("proxies.json");
    Files.writeString(
        config,
        "[{\"name\":\"b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"x:1\"},"
            + "{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"y:2\","
            + "\"enabled\":false}]");

    try (FaultProxyServer server =
        FaultProxyServer.builder().host("127.0.0.1").port(0).config(config).start()) {
      List<FaultProxyServer.ProxyInfo> proxies = server.proxies();

      assertThat(proxies).extracting(FaultProxyServer.ProxyInfo::name).containsExactly("a", "b");
      assertThat(proxies.get(0))
          .isEqualTo(new FaultProxyServer.ProxyInfo("a", "127.0.0.1:0", "y:2", false));
      assertThat(proxies.get(1).listen()).matches("127\\.0\\.0\\.1:[1-9][0-9]*");
      assertThat(proxies.get(1).enabled()).isTrue();
    }
  }

  @Test
  void aBrokenConfigFileIsOneClearLineNamingTheFile() throws IOException {
    Path config = dir.resolve("bad.json");
    Files.writeString(config, "[{\"name\":\"a\",\"upstream\":\"x:1\"},{\"name\":\"b\"}]");

    assertThatThrownBy(
            () -> FaultProxyServer.builder().host("127.0.0.1").port(0).config(config).start())
        .isInstanceOf(FaultProxyException.class)
        .hasMessage("proxy config " + config + ": missing required field: upstream at proxy 2");

    Files.writeString(
        config, "[{\"name\":\"a\",\"upstream\":\"x:1\",\"toxics\":[{\"type\":\"x\"}]}]");
    assertThatThrownBy(
            () -> FaultProxyServer.builder().host("127.0.0.1").port(0).config(config).start())
        .hasMessage("proxy config " + config + ": invalid toxic type in the toxics of proxy 1 (a)");

    Files.writeString(config, "{oops");
    assertThatThrownBy(
            () -> FaultProxyServer.builder().host("127.0.0.1").port(0).config(config).start())
        .hasMessageStartingWith("proxy config " + config + ": invalid character");

    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(
            () -> FaultProxyServer.builder().host("127.0.0.1").port(0).config(missing).start())
        .hasMessageStartingWith("cannot read proxy config " + missing);
  }

  @Test
  void aBusyApiPortIsOneClearLine() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> FaultProxyServer.start("127.0.0.1", busy.getLocalPort()))
          .isInstanceOf(FaultProxyException.class)
          .hasMessage(
              "cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": address already in use");
    }
  }

  @Test
  void metricsCountTheBytesThroughEachProxy() throws IOException {
    try (TcpServer echo = TcpServer.echo();
        FaultProxyServer server =
            FaultProxyServer.builder()
                .host("127.0.0.1")
                .port(0)
                .proxyMetrics(true)
                .runtimeMetrics(true)
                .start()) {
      Api api = new Api(server);
      int port = api.createProxy("db", echo.address());
      try (Client client = new Client(port)) {
        client.roundTrip(new byte[1000]);
      }

      HttpResponse<String> metrics = api.get("/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/plain; version=0.0.4");
      String labels =
          "{direction=\"upstream\",listener=\"127.0.0.1:"
              + port
              + "\",proxy=\"db\",upstream=\""
              + echo.address()
              + "\"} ";
      assertThat(metrics.body())
          .contains("# TYPE toxiproxy_proxy_received_bytes_total counter\n")
          .contains("toxiproxy_proxy_received_bytes_total" + labels + "1000\n")
          .contains("toxiproxy_proxy_sent_bytes_total" + labels + "1000\n")
          .contains(
              "toxiproxy_proxy_sent_bytes_total"
                  + labels.replace("upstream\",l", "downstream\",l")
                  + "1000\n")
          .contains("process_open_fds ");
    }
  }

  @Test
  void javaNioIsTheDefaultTransport() {
    try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0)) {
      assertThat(server.isNativeTransport()).isFalse();
    }
  }

  @Test
  void theEpollTransportCanBeChosenWhereAvailable() throws IOException {
    assumeTrue(Epoll.isAvailable(), "Linux epoll is not available here");
    try (TcpServer echo = TcpServer.echo();
        FaultProxyServer server =
            FaultProxyServer.builder().host("127.0.0.1").port(0).nativeTransport(true).start()) {
      assertThat(server.isNativeTransport()).isTrue();
      Api api = new Api(server);
      int port = api.createProxy("db", echo.address());
      try (Client client = new Client(port)) {
        double direct = client.fastestRoundTripMillis(3);
        api.addToxic("db", "{\"type\":\"latency\",\"attributes\":{\"latency\":50}}");
        double delayed = client.fastestRoundTripMillis(3);
        assertThat(delayed).isGreaterThanOrEqualTo(50.0);
        assertThat(delayed - direct).isLessThan(120.0);
        client.send("end".getBytes());
        client.socket().shutdownOutput();
        assertThat(client.readToEnd()).isEqualTo("end".getBytes());
      }
    }
  }

  @Test
  void closingFreesEveryPortAndEndsEveryThread() throws Exception {
    int apiPort;
    int proxyPort;
    try (TcpServer echo = TcpServer.echo()) {
      FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0);
      apiPort = server.port();
      proxyPort = new Api(server).createProxy("db", echo.address());
      Client open = new Client(proxyPort);
      open.roundTrip(new byte[] {1});

      server.close();

      assertThat(open.socket().getInputStream().read()).isEqualTo(-1);
      open.close();
    }
    for (int port : new int[] {apiPort, proxyPort}) {
      try (ServerSocket again = new ServerSocket()) {
        again.setReuseAddress(true);
        again.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      }
    }
    for (int wait = 0; wait < 50 && proxyThreadsAlive(); wait++) {
      Thread.sleep(100);
    }
    assertThat(proxyThreadsAlive()).isFalse();
  }

  private static boolean proxyThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().startsWith("chaos4j-proxy") && thread.isAlive());
  }

  @Test
  void theApiUrlNamesTheRealPort() {
    try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0)) {
      assertThat(server.url().toString()).isEqualTo("http://127.0.0.1:" + server.port());
      assertThat(server.port()).isPositive().isNotEqualTo(FaultProxyServer.DEFAULT_PORT);
    }
  }
}
