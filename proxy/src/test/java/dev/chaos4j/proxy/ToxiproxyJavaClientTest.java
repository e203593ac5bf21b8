package dev.chaos4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Java client of Toxiproxy (eu.rekawek.toxiproxy) works against our server unchanged. */
class ToxiproxyJavaClientTest {

  private FaultProxyServer server;
  private ToxiproxyClient client;
  private TcpServer echo;

  @BeforeEach
  void start() throws IOException {
    server = FaultProxyServer.start("127.0.0.1", 0);
    client = new ToxiproxyClient("127.0.0.1", server.port());
    echo = TcpServer.echo();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    echo.close();
  }

  private static int port(Proxy proxy) {
    return Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
  }

  @Test
  void managesProxies() throws IOException {
    Proxy created = client.createProxy("db", "127.0.0.1:0", echo.address());

    assertThat(created.getName()).isEqualTo("db");
    assertThat(created.getUpstream()).isEqualTo(echo.address());
    assertThat(created.isEnabled()).isTrue();
    assertThat(port(created)).isPositive();
    assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("db");
    assertThat(client.getProxy("db").getListen()).isEqualTo(created.getListen());
    assertThat(client.getProxyOrNull("nope")).isNull();
    assertThat(client.version()).isEqualTo("{\"version\": \"2.12.0\"}");

    created.disable();
    assertThat(client.getProxy("db").isEnabled()).isFalse();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port(created)).close())
        .isInstanceOf(ConnectException.class);
    created.enable();
    try (Client socket = new Client(port(created))) {
      socket.roundTrip(new byte[] {1});
    }

    created.delete();
    assertThat(client.getProxies()).isEmpty();
  }

  @Test
  void serverErrorsBecomeIoExceptionsWithTheServersMessage() throws IOException {
    client.createProxy("db", "127.0.0.1:0", echo.address());

    assertThatThrownBy(() -> client.createProxy("db", "127.0.0.1:0", echo.address()))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] proxy already exists");
    assertThatThrownBy(() -> client.getProxy("nope"))
        .isInstanceOf(IOException.class)
        .hasMessage("[404] proxy not found");
    Proxy proxy = client.getProxy("db");
    proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);
    assertThatThrownBy(() -> proxy.toxics().latency("slow", ToxicDirection.UPSTREAM, 10))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] toxic already exists");
  }

  @Test
  void managesToxicsOfEveryType() throws IOException {
    Proxy proxy = client.createProxy("db", "127.0.0.1:0", echo.address());

    Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);
    proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 1000);
    Slicer slicer = proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 10, 5);
    proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 10);
    proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 0).setToxicity(0f);
    proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 1_000_000);
    proxy.toxics().resetPeer("rp", ToxicDirection.UPSTREAM, 10).setToxicity(0f);

    assertThat(proxy.toxics().getAll())
        .extracting(t -> t.getName() + "/" + t.getStream())
        .containsExactly(
            "bw/UPSTREAM",
            "to/UPSTREAM",
            "rp/UPSTREAM",
            "lat/DOWNSTREAM",
            "sl/DOWNSTREAM",
            "sc/DOWNSTREAM",
            "ld/DOWNSTREAM");

    latency.setJitter(5).setLatency(120);
    slicer.setSizeVariation(2);
    Latency read = proxy.toxics().get("lat", Latency.class);
    assertThat(read.getLatency()).isEqualTo(120);
    assertThat(read.getJitter()).isEqualTo(5);
    assertThat(proxy.toxics().get("sl", Slicer.class).getSizeVariation()).isEqualTo(2);
    assertThat(proxy.toxics().get("ld", LimitData.class).getBytes()).isEqualTo(1_000_000);
    assertThat(proxy.toxics().get("to").getToxicity()).isZero();

    try (Client socket = new Client(port(proxy))) {
      assertThat(socket.fastestRoundTripMillis(3)).isGreaterThanOrEqualTo(115.0);
    }

    latency.remove();
    assertThat(proxy.toxics().getAll()).hasSize(6);
    client.reset();
    assertThat(proxy.toxics().getAll()).isEmpty();
  }
}
