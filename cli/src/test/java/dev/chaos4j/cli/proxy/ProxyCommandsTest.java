package dev.chaos4j.cli.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.CliRunner;
import dev.chaos4j.proxy.FaultProxyServer;
import dev.chaos4j.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code chaos proxy ...} run in-process against a fault proxy server on an ephemeral port. */
class ProxyCommandsTest {
  private FaultProxyServer server;
  private ToxiproxyClient client;
  private String host;

  @BeforeEach
  void start() {
    server = FaultProxyServer.start("127.0.0.1", 0);
    host = "http://127.0.0.1:" + server.port();
    client = new ToxiproxyClient(host);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** {@code chaos --no-log-file proxy ARGS --host <the server>}. */
  private CliRunner.Result proxy(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--no-log-file";
    all[1] = "proxy";
    System.arraycopy(args, 0, all, 2, args.length);
    all[all.length - 2] = "--host";
    all[all.length - 1] = host;
    return CliRunner.chaos(all);
  }

  private CliRunner.Result ok(String... args) {
    CliRunner.Result result = proxy(args);
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result;
  }

  private int createUsers() throws InterruptedException {
    String listen =
        (String)
            client
                .createProxy(
                    Map.of("name", "users", "listen", "127.0.0.1:0", "upstream", "127.0.0.1:9"))
                .get("listen");
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> onlyToxic() throws InterruptedException {
    List<Object> toxics = client.toxics("users");
    assertThat(toxics).hasSize(1);
    return (Map<String, Object>) toxics.get(0);
  }

  @Test
  void withoutASubCommandItShowsTheCommands() {
    CliRunner.Result result = CliRunner.chaos("proxy");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("list", "inspect", "create", "toggle", "delete", "toxic", "--host");
  }

  @Test
  void listOfNoProxiesSaysSoWithAHint() {
    CliRunner.Result result = ok("list");

    assertThat(result.out())
        .startsWith("Name  Listen  Upstream  Enabled  Toxics\n=====")
        .contains("no proxies")
        .contains("chaos proxy create");
  }

  @Test
  void createThenListShowsTheProxyInATable() {
    CliRunner.Result created =
        ok("create", "-l", "127.0.0.1:0", "--upstream", "127.0.0.1:6379", "users");
    assertThat(created.out()).startsWith("Created new proxy users listening on 127.0.0.1:");
    ok("new", "--listen", "127.0.0.1:0", "-u", "127.0.0.1:5432", "db");

    String table = ok("ls").out();

    List<String> lines = table.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2))
        .matches("db     127\\.0\\.0\\.1:\\d+ +127\\.0\\.0\\.1:5432 +enabled +None");
    assertThat(lines.get(3))
        .matches("users  127\\.0\\.0\\.1:\\d+ +127\\.0\\.0\\.1:6379 +enabled +None");
    assertThat(ok("l").out()).isEqualTo(table);
    assertThat(ok("li").out()).isEqualTo(table);
  }

  @Test
  void inspectShowsTheProxyAndItsToxicsByDirection() throws Exception {
    int port = createUsers();
    client.createToxic(
        "users",
        Map.of(
            "name", "slow", "type", "latency", "attributes", Map.of("latency", 100, "jitter", 5)));
    client.createToxic(
        "users",
        Map.of(
            "name",
            "cut",
            "type",
            "limit_data",
            "stream",
            "upstream",
            "toxicity",
            0.5,
            "attributes",
            Map.of("bytes", 10)));

    CliRunner.Result result = ok("inspect", "users");

    assertThat(result.out())
        .isEqualTo(
            "Name: users  Listen: 127.0.0.1:"
                + port
                + "  Upstream: 127.0.0.1:9  Enabled: enabled\n"
                + "Upstream toxics:\n"
                + "  cut  type=limit_data  stream=upstream  toxicity=0.50  attributes=[bytes=10]\n"
                + "Downstream toxics:\n"
                + "  slow  type=latency  stream=downstream  toxicity=1.00"
                + "  attributes=[jitter=5 latency=100]\n");
    assertThat(ok("i", "users").out()).isEqualTo(result.out());
    assertThat(ok("ins", "users").out()).isEqualTo(result.out());
  }

  @Test
  void inspectOfAProxyWithoutToxicsSaysSo() throws Exception {
    createUsers();

    assertThat(ok("inspect", "users").out()).endsWith("\nProxy has no toxics enabled.\n");
  }

  @Test
  void toggleDisablesThenEnables() throws Exception {
    createUsers();

    assertThat(ok("toggle", "users").out()).isEqualTo("Proxy users is now disabled\n");
    assertThat(client.proxy("users")).containsEntry("enabled", false);
    assertThat(ok("tog", "users").out()).isEqualTo("Proxy users is now enabled\n");
    assertThat(client.proxy("users")).containsEntry("enabled", true);
  }

  @Test
  void deleteRemovesTheProxy() throws Exception {
    createUsers();

    assertThat(ok("d", "users").out()).isEqualTo("Deleted proxy users\n");

    assertThat(client.proxies()).isEmpty();
  }

  @Test
  void toxicAddTakesToxiproxyClisFlags() throws Exception {
    createUsers();

    CliRunner.Result result =
        ok(
            "toxic",
            "add",
            "-t",
            "latency",
            "-n",
            "slow",
            "-u",
            "--tox",
            "0.5",
            "-a",
            "latency=100",
            "-a",
            "jitter=5",
            "users");

    assertThat(result.out()).isEqualTo("Added upstream latency toxic 'slow' on proxy 'users'\n");
    assertThat(onlyToxic())
        .containsEntry("name", "slow")
        .containsEntry("stream", "upstream")
        .containsEntry("toxicity", 0.5)
        .containsEntry("attributes", Map.of("latency", 100, "jitter", 5));
  }

  @Test
  void toxicAddDefaultsToADownstreamToxicOnEveryConnectionNamedByTheServer() throws Exception {
    createUsers();

    CliRunner.Result result =
        ok("t", "a", "--type", "timeout", "--attribute", "timeout=50", "users");

    assertThat(result.out())
        .isEqualTo("Added downstream timeout toxic 'timeout_downstream' on proxy 'users'\n");
    assertThat(onlyToxic()).containsEntry("toxicity", 1).containsEntry("stream", "downstream");
  }

  @Test
  void toxicUpdateChangesOnlyWhatIsGiven() throws Exception {
    createUsers();
    client.createToxic(
        "users",
        Map.of(
            "name",
            "slow",
            "type",
            "latency",
            "toxicity",
            0.5,
            "attributes",
            Map.of("latency", 100, "jitter", 5)));

    CliRunner.Result result = ok("toxic", "update", "-n", "slow", "-a", "latency=7", "users");

    assertThat(result.out()).isEqualTo("Updated toxic 'slow' on proxy 'users'\n");
    assertThat(onlyToxic())
        .containsEntry("toxicity", 0.5)
        .containsEntry("attributes", Map.of("latency", 7, "jitter", 5));
    ok("t", "u", "--toxicName", "slow", "--toxicity", "0.25", "users");
    assertThat(onlyToxic()).containsEntry("toxicity", 0.25);
  }

  @Test
  void toxicRemoveAndItsAliasesRemoveTheToxic() throws Exception {
    createUsers();
    for (String alias : List.of("remove", "r", "delete", "d")) {
      client.createToxic(
          "users", Map.of("name", "slow", "type", "latency", "attributes", Map.of()));

      CliRunner.Result result = ok("toxic", alias, "-n", "slow", "users");

      assertThat(result.out()).isEqualTo("Removed toxic 'slow' on proxy 'users'\n");
      assertThat(client.toxics("users")).isEmpty();
    }
  }

  @Test
  void anApiErrorIsOneLineWithTheServersMessageAndExitCodeOne() {
    CliRunner.Result result = proxy("inspect", "nobody");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains("ERROR")
        .contains("HTTP 404: proxy not found");
  }

  @Test
  void anUnreachableApiIsOneLineNamingItsUrl() throws IOException {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      host = "127.0.0.1:" + free.getLocalPort();
    }

    CliRunner.Result result = proxy("list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains("cannot reach Toxiproxy at http://" + host + " (GET /proxies)");
  }

  @Test
  void upstreamAndDownstreamTogetherAreAUsageError() throws Exception {
    createUsers();

    CliRunner.Result result = proxy("toxic", "add", "-t", "latency", "-u", "-d", "users");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("mutually exclusive");
    assertThat(client.toxics("users")).isEmpty();
  }

  @Test
  void aToxicityOutsideZeroToOneIsAUsageError() throws Exception {
    createUsers();

    CliRunner.Result result = proxy("toxic", "add", "-t", "latency", "--tox", "1.5", "users");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("toxicity should be a number from 0 to 1, not '1.5'");
  }

  @Test
  void createWithoutUpstreamIsAUsageError() {
    CliRunner.Result result = proxy("create", "-l", "127.0.0.1:0", "users");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--upstream");
  }
}
