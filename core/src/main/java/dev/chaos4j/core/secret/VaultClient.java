package dev.chaos4j.core.secret;

import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.PercentEncoding;
import dev.chaos4j.core.value.Py;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Reads secrets from HashiCorp Vault's KV engine (version 1 or 2) over its HTTP API, configured by
 * the experiment's configuration as in the reference.
 *
 * <ul>
 *   <li>{@code vault_addr}: the server, else {@code VAULT_ADDR}, else {@code
 *       http://localhost:8200};
 *   <li>authentication: {@code vault_token}; else AppRole with {@code vault_role_id} and {@code
 *       vault_role_secret}; else Kubernetes with {@code vault_sa_role} ({@code
 *       vault_sa_token_path}, {@code vault_k8s_mount_point}); else {@code VAULT_TOKEN} or {@code
 *       ~/.vault-token};
 *   <li>{@code vault_kv_version} ({@code "2"} unless {@code "1"}) and {@code
 *       vault_secrets_mount_point} ({@code secret});
 *   <li>{@code VAULT_CACERT} (a PEM bundle) or {@code VAULT_CAPATH} (a directory of PEM files)
 *       replace the default trusted certificates.
 * </ul>
 *
 * <p>Creating a client does no I/O; it logs in on its first read and keeps the token. A client
 * serves one loading of secrets, from one thread.
 */
public final class VaultClient {
  private static final Log LOG = Log.of(VaultClient.class);

  /** Where Vault is when neither {@code vault_addr} nor {@code VAULT_ADDR} says otherwise. */
  public static final String DEFAULT_ADDRESS = "http://localhost:8200";

  static final String DEFAULT_SA_TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final String address;
  private final Authentication authentication;
  private final boolean kvVersion1;
  private final String mountPoint;
  private final Map<String, String> environment;
  private HttpClient http;
  private String token;
  private boolean authenticated;

  private VaultClient(
      String address,
      Authentication authentication,
      boolean kvVersion1,
      String mountPoint,
      Map<String, String> environment) {
    this.address = address;
    this.authentication = authentication;
    this.kvVersion1 = kvVersion1;
    this.mountPoint = mountPoint;
    this.environment = environment;
  }

  /**
   * A client for the Vault settings of a configuration. No I/O happens here.
   *
   * @param configuration the loaded configuration (the {@code vault_*} keys)
   * @param environment the run's environment ({@code VAULT_ADDR}, {@code VAULT_TOKEN}, {@code
   *     HOME}, {@code VAULT_CACERT}, {@code VAULT_CAPATH})
   */
  public static VaultClient create(
      Map<String, Object> configuration, Map<String, String> environment) {
    Object addr = configuration.get("vault_addr");
    String address = Py.truthy(addr) ? Py.str(addr) : environment.get("VAULT_ADDR");
    if (address == null || address.isEmpty()) {
      address = DEFAULT_ADDRESS;
    }
    String kvVersion = Py.str(configuration.getOrDefault("vault_kv_version", "2"));
    LOG.debug("Using Vault secrets KV version " + kvVersion);
    return new VaultClient(
        address.replaceAll("/+$", ""),
        Authentication.of(configuration),
        kvVersion.equals("1"),
        Py.str(configuration.getOrDefault("vault_secrets_mount_point", "secret")),
        environment);
  }

  /**
   * Reads the secret at {@code path} of the KV mount.
   *
   * @param key one field of the secret, or null for the whole secret
   * @return the field's value, or the secret's data as a map
   * @throws InvalidExperiment when login fails (the reference's messages), the secret or the key
   *     does not exist, or Vault refuses or cannot be reached
   * @throws InterruptExecution when the thread is interrupted while waiting for Vault
   */
  public Object read(String path, String key) {
    authenticate();
    String apiPath =
        kvVersion1
            ? "/v1/" + quote(mountPoint) + "/" + quote(path)
            : "/v1/" + quote(mountPoint) + "/data/" + quote(path);
    Response response;
    try {
      response = send("GET", apiPath, null);
    } catch (IOException e) {
      throw new InvalidExperiment(
          "Failed to read the Vault secret at path '" + path + "': " + e.getMessage(), e);
    }
    if (response.status() == 404) {
      throw notFound(path);
    }
    if (!response.ok()) {
      throw new InvalidExperiment(
          "Failed to read the Vault secret at path '" + path + "': " + response.error());
    }
    Object data = field(response.json(), "data");
    if (!kvVersion1) {
      data = field(data, "data");
    }
    if (!(data instanceof Map<?, ?> values)) {
      throw notFound(path);
    }
    if (key == null) {
      return data;
    }
    if (!values.containsKey(key)) {
      throw new InvalidExperiment(
          "The Vault secret at path '" + path + "' has no key '" + key + "'");
    }
    return values.get(key);
  }

  private InvalidExperiment notFound(String path) {
    return new InvalidExperiment(
        "No Vault secret found at path: "
            + path
            + " (mount '"
            + mountPoint
            + "', KV version "
            + (kvVersion1 ? "1" : "2")
            + ", "
            + address
            + ")");
  }

  private void authenticate() {
    if (authenticated) {
      return;
    }
    token = authentication.token(this);
    authenticated = true;
  }

  private String appRoleLogin(Authentication.AppRole appRole) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("role_id", appRole.roleId());
    body.put("secret_id", appRole.secretId());
    try {
      return login("/v1/auth/approle/login", body);
    } catch (IOException e) {
      throw new InvalidExperiment("Failed to connect to Vault with the AppRole: " + e.getMessage());
    }
  }

  private String kubernetesLogin(Authentication.Kubernetes kubernetes) {
    String jwt;
    try {
      jwt = Files.readString(Path.of(kubernetes.tokenPath()), StandardCharsets.UTF_8).strip();
    } catch (IOException | InvalidPathException e) {
      throw new InvalidExperiment(
          "Failed to get service account token at: " + kubernetes.tokenPath());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("role", kubernetes.role());
    body.put("jwt", jwt);
    try {
      return login("/v1/auth/" + quote(kubernetes.mountPoint()) + "/login", body);
    } catch (IOException e) {
      throw new InvalidExperiment(
          "Failed to connect to Vault using service account with errors: '" + e.getMessage() + "'");
    }
  }

  /** Logs in and returns the client token; any failure is an IOException saying why. */
  private String login(String apiPath, Map<String, Object> body) throws IOException {
    Response response = send("POST", apiPath, body);
    if (!response.ok()) {
      throw new IOException(response.error());
    }
    Object clientToken = field(field(response.json(), "auth"), "client_token");
    if (!(clientToken instanceof String s) || s.isEmpty()) {
      throw new IOException("no client token in the login response, on post " + response.url());
    }
    return s;
  }

  private String tokenFromEnvironment() {
    String fromEnv = environment.get("VAULT_TOKEN");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    Path file = Path.of(home, ".vault-token");
    if (Files.isRegularFile(file)) {
      try {
        String fromFile = Files.readString(file, StandardCharsets.UTF_8).strip();
        return fromFile.isEmpty() ? null : fromFile;
      } catch (IOException e) {
        LOG.warning("Cannot read the Vault token file " + file + ": " + e.getMessage());
      }
    }
    return null;
  }

  private Response send(String method, String apiPath, Map<String, Object> body)
      throws IOException {
    String url = address + apiPath.replaceAll("/{2,}", "/");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(REQUEST_TIMEOUT)
            .header("X-Vault-Request", "true");
    if (token != null) {
      request.header("X-Vault-Token", token);
    }
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body)));
    }
    HttpResponse<String> response;
    try {
      response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptExecution("Interrupted while waiting for Vault at " + address, e);
    } catch (HttpConnectTimeoutException e) {
      throw new IOException(
          "cannot connect to " + url + " within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw new IOException(
          "no response from " + url + " within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw new IOException("cannot connect to " + url + reason(e), e);
    } catch (IOException e) {
      throw new IOException("failed to talk to " + url + reason(e), e);
    }
    Object json = null;
    String text = response.body();
    if (text != null && !text.isBlank()) {
      try {
        json = Json.parse(text);
      } catch (Json.SyntaxError e) {
        json = null;
      }
    }
    return new Response(method.toLowerCase(Locale.ROOT), url, response.statusCode(), json);
  }

  private static String reason(IOException e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null ? " (" + cause.getClass().getSimpleName() + ")" : ": " + message;
  }

  private HttpClient client() {
    if (http == null) {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NORMAL);
      SSLContext ssl = TrustedCertificates.fromEnvironment(environment);
      if (ssl != null) {
        builder.sslContext(ssl);
      }
      http = builder.build();
    }
    return http;
  }

  private static Object field(Object json, String name) {
    return json instanceof Map<?, ?> m ? m.get(name) : null;
  }

  /** Percent-encodes a path as Python's {@code urllib.parse.quote} does, keeping {@code /}. */
  static String quote(String path) {
    return PercentEncoding.quote(path, "/");
  }

  /** One exchange with Vault: its JSON body (null when there is none or it is not JSON). */
  private record Response(String method, String url, int status, Object json) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Vault's errors joined as hvac shows them: {@code <errors>, on <method> <url>}. */
    String error() {
      List<String> errors = new ArrayList<>();
      if (field(json, "errors") instanceof List<?> list) {
        for (Object e : list) {
          errors.add(Py.str(e));
        }
      }
      String what = errors.isEmpty() ? "HTTP status " + status : String.join(", ", errors);
      return what + ", on " + method + " " + url;
    }
  }

  /** How the client gets its token, decided from the configuration as the reference does. */
  private sealed interface Authentication {
    /** The token to send, logging in first when this method needs it (null: none). */
    String token(VaultClient client);

    record Token(String value) implements Authentication {
      @Override
      public String token(VaultClient client) {
        return value;
      }
    }

    record AppRole(String roleId, String secretId) implements Authentication {
      @Override
      public String token(VaultClient client) {
        return client.appRoleLogin(this);
      }
    }

    record Kubernetes(String role, String tokenPath, String mountPoint) implements Authentication {
      @Override
      public String token(VaultClient client) {
        return client.kubernetesLogin(this);
      }
    }

    record FromEnvironment() implements Authentication {
      @Override
      public String token(VaultClient client) {
        return client.tokenFromEnvironment();
      }
    }

    static Authentication of(Map<String, Object> configuration) {
      if (configuration.containsKey("vault_token")) {
        Object token = configuration.get("vault_token");
        return new Token(token == null ? null : Py.str(token));
      }
      if (configuration.containsKey("vault_role_id")
          && configuration.containsKey("vault_role_secret")) {
        return new AppRole(
            Py.str(configuration.get("vault_role_id")),
            Py.str(configuration.get("vault_role_secret")));
      }
      if (configuration.containsKey("vault_sa_role")) {
        Object tokenPath = configuration.get("vault_sa_token_path");
        return new Kubernetes(
            Py.str(configuration.get("vault_sa_role")),
            Py.truthy(tokenPath) ? Py.str(tokenPath) : DEFAULT_SA_TOKEN_PATH,
            Py.str(configuration.getOrDefault("vault_k8s_mount_point", "kubernetes")));
      }
      return new FromEnvironment();
    }
  }
}
