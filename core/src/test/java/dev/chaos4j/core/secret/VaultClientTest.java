package dev.chaos4j.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.testing.FakeVault;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultClientTest {
  private static final Map<String, Object> DB = Map.of("user", "jane", "password", "shhh");

  @TempDir Path dir;
  private FakeVault vault;

  @BeforeEach
  void startVault() throws IOException {
    vault = new FakeVault();
  }

  @AfterEach
  void stopVault() {
    vault.close();
  }

  private Map<String, Object> config(Object... keyValues) {
    Map<String, Object> config = new HashMap<>();
    config.put("vault_addr", vault.address());
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put((String) keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  private static Map<String, String> noEnvironment() {
    return Map.of("HOME", "/nonexistent-home-for-tests");
  }

  @Test
  void readsTheWholeKv2SecretWithTheConfiguredToken() {
    vault.token("s.root").kv2("secret", "app/db", DB);

    Object secret =
        VaultClient.create(config("vault_token", "s.root"), noEnvironment()).read("app/db", null);

    assertThat(secret).isEqualTo(DB);
    assertThat(vault.requests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.path()).isEqualTo("/v1/secret/data/app/db");
              assertThat(r.token()).isEqualTo("s.root");
            });
  }

  @Test
  void keyPicksOneFieldOfTheSecret() {
    vault.token("s.root").kv2("secret", "app/db", DB);

    Object password =
        VaultClient.create(config("vault_token", "s.root"), noEnvironment())
            .read("app/db", "password");

    assertThat(password).isEqualTo("shhh");
  }

  @Test
  void kvVersion1ReadsTheMountDirectly() {
    vault.token("t").kv1("kv", "app/db", DB);
    Map<String, Object> config =
        config("vault_token", "t", "vault_kv_version", 1, "vault_secrets_mount_point", "kv");

    Object user = VaultClient.create(config, noEnvironment()).read("app/db", "user");

    assertThat(user).isEqualTo("jane");
    assertThat(vault.requests.get(0).path()).isEqualTo("/v1/kv/app/db");
  }

  @Test
  void mountPointAppliesToKv2AndPathsAreQuoted() {
    vault.token("t").kv2("team%20kv", "my%20app/db", DB);
    Map<String, Object> config =
        config("vault_token", "t", "vault_kv_version", "2", "vault_secrets_mount_point", "team kv");

    Object secret = VaultClient.create(config, noEnvironment()).read("/my app//db", null);

    assertThat(secret).isEqualTo(DB);
    assertThat(vault.requests.get(0).path()).isEqualTo("/v1/team%20kv/data/my%20app/db");
  }

  @Test
  void appRoleLogsInOnceAndReadsWithTheIssuedToken() {
    vault.appRole("role-1", "secret-1", "s.approle").kv2("secret", "a", DB).kv2("secret", "b", DB);
    VaultClient client =
        VaultClient.create(
            config("vault_role_id", "role-1", "vault_role_secret", "secret-1"), noEnvironment());

    client.read("a", "user");
    client.read("b", "user");

    assertThat(vault.requests).hasSize(3);
    assertThat(vault.requests.get(0).path()).isEqualTo("/v1/auth/approle/login");
    assertThat(vault.requests.get(0).body())
        .isEqualTo("{\"role_id\": \"role-1\", \"secret_id\": \"secret-1\"}");
    assertThat(vault.requests.get(1).token()).isEqualTo("s.approle");
    assertThat(vault.requests.get(2).token()).isEqualTo("s.approle");
  }

  @Test
  void rejectedAppRoleGivesTheReferenceMessage() {
    vault.appRole("role-1", "secret-1", "s.approle");
    VaultClient client =
        VaultClient.create(
            config("vault_role_id", "role-1", "vault_role_secret", "expired"), noEnvironment());

    assertThatThrownBy(() -> client.read("a", null))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "Failed to connect to Vault with the AppRole: invalid role or secret ID, on post "
                + vault.address()
                + "/v1/auth/approle/login");
  }

  @Test
  void unreachableVaultDuringAppRoleLoginSaysSo() throws IOException {
    String closed = "http://127.0.0.1:" + freePort();
    Map<String, Object> config =
        Map.of("vault_addr", closed, "vault_role_id", "r", "vault_role_secret", "s");

    assertThatThrownBy(() -> VaultClient.create(config, noEnvironment()).read("a", null))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessageStartingWith(
            "Failed to connect to Vault with the AppRole: cannot connect to "
                + closed
                + "/v1/auth/approle/login");
  }

  @Test
  void tokenTakesPrecedenceOverAppRole() {
    vault.token("t").kv2("secret", "a", DB);
    Map<String, Object> config =
        config("vault_token", "t", "vault_role_id", "r", "vault_role_secret", "s");

    VaultClient.create(config, noEnvironment()).read("a", null);

    assertThat(vault.requests)
        .extracting(FakeVault.Request::path)
        .containsExactly("/v1/secret/data/a");
  }

  @Test
  void kubernetesServiceAccountLogsInOnItsMount() throws IOException {
    Path jwt = Files.writeString(dir.resolve("token"), "eyJ.jwt.sig\n");
    vault.kubernetesRole("k8s-prod", "chaos", "eyJ.jwt.sig", "s.k8s").kv2("secret", "a", DB);
    Map<String, Object> config =
        config(
            "vault_sa_role",
            "chaos",
            "vault_sa_token_path",
            jwt.toString(),
            "vault_k8s_mount_point",
            "k8s-prod");

    Object user = VaultClient.create(config, noEnvironment()).read("a", "user");

    assertThat(user).isEqualTo("jane");
    assertThat(vault.requests.get(0).path()).isEqualTo("/v1/auth/k8s-prod/login");
    assertThat(vault.requests.get(0).body())
        .isEqualTo("{\"role\": \"chaos\", \"jwt\": \"eyJ.jwt.sig\"}");
    assertThat(vault.requests.get(1).token()).isEqualTo("s.k8s");
  }

  @Test
  void kubernetesMountDefaultsToKubernetes() throws IOException {
    Path jwt = Files.writeString(dir.resolve("token"), "jwt");
    vault.kubernetesRole("kubernetes", "chaos", "jwt", "s.k8s").kv2("secret", "a", DB);
    Map<String, Object> config =
        config("vault_sa_role", "chaos", "vault_sa_token_path", jwt.toString());

    VaultClient.create(config, noEnvironment()).read("a", null);

    assertThat(vault.requests.get(0).path()).isEqualTo("/v1/auth/kubernetes/login");
  }

  @Test
  void missingServiceAccountTokenGivesTheReferenceMessage() {
    Path missing = dir.resolve("no-token");
    Map<String, Object> config =
        config("vault_sa_role", "chaos", "vault_sa_token_path", missing.toString());

    assertThatThrownBy(() -> VaultClient.create(config, noEnvironment()).read("a", null))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("Failed to get service account token at: " + missing);
  }

  @Test
  void emptyServiceAccountTokenPathMeansTheKubernetesDefault() {
    assumeThat(Path.of(VaultClient.DEFAULT_SA_TOKEN_PATH)).doesNotExist();
    Map<String, Object> config = config("vault_sa_role", "chaos", "vault_sa_token_path", "");

    assertThatThrownBy(() -> VaultClient.create(config, noEnvironment()).read("a", null))
        .hasMessage(
            "Failed to get service account token at: "
                + "/var/run/secrets/kubernetes.io/serviceaccount/token");
  }

  @Test
  void rejectedServiceAccountGivesTheReferenceMessage() throws IOException {
    Path jwt = Files.writeString(dir.resolve("token"), "stale");
    vault.kubernetesRole("kubernetes", "chaos", "fresh", "s.k8s");
    Map<String, Object> config =
        config("vault_sa_role", "chaos", "vault_sa_token_path", jwt.toString());

    assertThatThrownBy(() -> VaultClient.create(config, noEnvironment()).read("a", null))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "Failed to connect to Vault using service account with errors: 'invalid role or"
                + " secret ID, on post "
                + vault.address()
                + "/v1/auth/kubernetes/login'");
  }

  @Test
  void missingSecretIsAnErrorNamingPathMountAndVersion() {
    vault.token("t");

    assertThatThrownBy(
            () ->
                VaultClient.create(config("vault_token", "t"), noEnvironment()).read("nope", null))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "No Vault secret found at path: nope (mount 'secret', KV version 2, "
                + vault.address()
                + ")");
  }

  @Test
  void refusedTokenIsAnErrorWithVaultsReason() {
    vault.token("good").kv2("secret", "a", DB);

    assertThatThrownBy(
            () -> VaultClient.create(config("vault_token", "bad"), noEnvironment()).read("a", null))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "Failed to read the Vault secret at path 'a': permission denied, on get "
                + vault.address()
                + "/v1/secret/data/a");
  }

  @Test
  void missingKeyIsAnError() {
    vault.token("t").kv2("secret", "a", DB);

    assertThatThrownBy(
            () -> VaultClient.create(config("vault_token", "t"), noEnvironment()).read("a", "nope"))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("The Vault secret at path 'a' has no key 'nope'");
  }

  @Test
  void withoutConfiguredAuthenticationTheTokenComesFromVaultTokenThenTheTokenFile()
      throws IOException {
    vault.token("from-env").token("from-file").kv2("secret", "a", DB);
    Map<String, Object> config = config();

    VaultClient.create(config, Map.of("VAULT_TOKEN", "from-env", "HOME", dir.toString()))
        .read("a", null);
    Files.writeString(dir.resolve(".vault-token"), "from-file\n");
    VaultClient.create(config, Map.of("HOME", dir.toString())).read("a", null);

    assertThat(vault.requests)
        .extracting(FakeVault.Request::token)
        .containsExactly("from-env", "from-file");
  }

  @Test
  void addressComesFromVaultAddrWhenNotConfigured() {
    vault.token("t").kv2("secret", "a", DB);

    Object secret =
        VaultClient.create(Map.of("vault_token", "t"), Map.of("VAULT_ADDR", vault.address() + "/"))
            .read("a", null);

    assertThat(secret).isEqualTo(DB);
  }

  @Test
  void creatingAClientDoesNoNetworkIo() throws IOException {
    Map<String, Object> config =
        Map.of(
            "vault_addr", "http://127.0.0.1:" + freePort(),
            "vault_role_id", "r",
            "vault_role_secret", "s");

    VaultClient client = VaultClient.create(config, noEnvironment());

    assertThat(client).isNotNull();
    assertThat(vault.requests).isEmpty();
  }

  @Test
  void interruptionWhileWaitingForVaultStopsTheReadAndKeepsTheFlag() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer stuck =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stuck.createContext(
        "/",
        exchange -> {
          received.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    stuck.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    stuck.start();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Map<String, Object> config =
        Map.of(
            "vault_addr", "http://127.0.0.1:" + stuck.getAddress().getPort(), "vault_token", "t");
    Thread reader =
        new Thread(
            () -> {
              try {
                VaultClient.create(config, noEnvironment()).read("a", null);
              } catch (Throwable t) {
                thrown.set(t);
                flag.set(Thread.currentThread().isInterrupted());
              }
            });
    try {
      reader.start();
      assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
      reader.interrupt();
      reader.join(10_000);

      assertThat(reader.isAlive()).isFalse();
      assertThat(thrown.get()).isInstanceOf(InterruptExecution.class);
      assertThat(flag.get()).isTrue();
    } finally {
      release.countDown();
      stuck.stop(0);
    }
  }

  @Test
  void vaultCaCertOrCaPathReplaceTheTrustedAuthoritiesForTls() throws Exception {
    Path keystore = dir.resolve("vault.p12");
    Path pem = dir.resolve("ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "vault",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "vault",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
    try (FakeVault tls = new FakeVault(https)) {
      tls.token("t").kv2("secret", "a", DB);
      Map<String, Object> config = Map.of("vault_addr", tls.address(), "vault_token", "t");

      Object secret =
          VaultClient.create(config, Map.of("VAULT_CACERT", pem.toString())).read("a", null);
      assertThat(secret).isEqualTo(DB);
      // a directory of authorities: files that hold no certificate (the keystore) are skipped
      Object fromDirectory =
          VaultClient.create(config, Map.of("VAULT_CAPATH", dir.toString())).read("a", null);
      assertThat(fromDirectory).isEqualTo(DB);

      assertThatThrownBy(() -> VaultClient.create(config, noEnvironment()).read("a", null))
          .isInstanceOf(InvalidExperiment.class)
          .hasMessageStartingWith(
              "Failed to read the Vault secret at path 'a': failed to talk to "
                  + tls.address()
                  + "/v1/secret/data/a: ");
    }
  }

  @Test
  void unreadableCaCertIsAClearError() throws IOException {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    Map<String, Object> config = config("vault_token", "t");

    assertThatThrownBy(
            () ->
                VaultClient.create(config, Map.of("VAULT_CACERT", notPem.toString()))
                    .read("a", null))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessageStartingWith(
            "Cannot read the certificates to trust Vault with from " + notPem + " (VAULT_CACERT)");
  }

  private static SSLContext serverContext(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(String... args) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
