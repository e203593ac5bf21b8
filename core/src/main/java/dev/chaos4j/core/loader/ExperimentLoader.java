package dev.chaos4j.core.loader;

import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.InvalidSource;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.http.HttpClients;
import dev.chaos4j.core.settings.Auth;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads an experiment from a local file or an http(s) URL, with the reference's rules: the file
 * extension (or the response's content type) chooses the parser, and remote sources may be
 * authenticated by a bearer token from the environment or by the settings' {@code auths}.
 */
public final class ExperimentLoader {
  private static final Log LOG = Log.of(ExperimentLoader.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  static final String TOKEN_VARIABLE = "CHAOSTOOLKIT_LOADER_AUTH_BEARER_TOKEN";

  private final Path workingDirectory;
  private final AuthLookup auths;
  private final Map<String, String> environment;
  private final boolean verifyTls;

  /**
   * @param workingDirectory where relative paths are resolved
   * @param auths the credentials of the hosts serving experiments (the settings' {@code auths})
   * @param environment environment variables (the bearer token variable is read from it)
   * @param verifyTls false with {@code --no-verify-tls}
   */
  public ExperimentLoader(
      Path workingDirectory, AuthLookup auths, Map<String, String> environment, boolean verifyTls) {
    this.workingDirectory = workingDirectory;
    this.auths = Objects.requireNonNull(auths, "auths");
    this.environment = environment;
    this.verifyTls = verifyTls;
  }

  /** Loads and parses the source; the result is the document as plain JSON values. */
  public Object load(String source) {
    Path path = workingDirectory.resolve(source);
    if (Files.exists(path)) {
      return loadFile(path, source);
    }
    URI uri = parseUri(source);
    String scheme = uri == null ? null : uri.getScheme();
    if (scheme == null || scheme.isEmpty() || isWindowsDrive(scheme)) {
      throw new InvalidSource("Path \"" + source + "\" does not exist.");
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("http") && !lower.equals("https")) {
      throw new InvalidSource("'" + scheme + "' is not a supported source scheme.");
    }
    return loadUrl(uri, source);
  }

  private static boolean isWindowsDrive(String scheme) {
    return scheme.length() == 1;
  }

  private static URI parseUri(String source) {
    try {
      return new URI(source);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private Object loadFile(Path path, String shown) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (Files.isDirectory(path)) {
      throw new InvalidSource("Path \"" + shown + "\" is a directory, not an experiment file.");
    }
    boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
    boolean json = lower.endsWith(".json");
    if (!yaml && !json) {
      throw new InvalidExperiment("only files with json, yaml or yml extensions are supported");
    }
    String text = readText(path, shown);
    LOG.debug("Loading experiment from " + path);
    return yaml ? DocumentParser.yaml(text, shown) : DocumentParser.json(text, shown);
  }

  private static String readText(Path path, String shown) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT);
      String text = decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (MalformedInputException e) {
      throw new InvalidSource("Experiment " + shown + " is not UTF-8 text.");
    } catch (IOException e) {
      throw new InvalidSource("Cannot read experiment " + shown + ": " + e.getMessage());
    }
  }

  private Object loadUrl(URI uri, String shown) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(READ_TIMEOUT)
            .header("Accept", "application/json, application/x-yaml")
            .GET();
    String authorization = authorizationFor(uri);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response =
          new HttpClients()
              .get(CONNECT_TIMEOUT, verifyTls)
              .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new InvalidSource("Failed to fetch the experiment: " + shown + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidSource("Interrupted while fetching the experiment " + shown);
    }
    if (response.statusCode() != 200) {
      throw new InvalidSource("Failed to fetch the experiment: " + response.body());
    }
    String type =
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .split(";", 2)[0]
            .trim()
            .toLowerCase(Locale.ROOT);
    String body = response.body();
    switch (type) {
      case "application/json":
        return DocumentParser.json(body, shown);
      case "application/x-yaml":
      case "text/yaml":
        return DocumentParser.yaml(body, shown);
      case "text/plain":
        try {
          return DocumentParser.json(body, shown);
        } catch (InvalidSource notJson) {
          return DocumentParser.yaml(body, shown);
        }
      default:
        throw new InvalidExperiment("only files with json, yaml or yml extensions are supported");
    }
  }

  /** The bearer token of the environment wins over the settings' {@code auths} entry. */
  private String authorizationFor(URI uri) {
    String token = environment.get(TOKEN_VARIABLE);
    if (token != null && !token.isEmpty()) {
      return "bearer " + token;
    }
    String host = uri.getHost();
    if (host == null) {
      return null;
    }
    Optional<Auth> auth =
        uri.getPort() > 0 ? auths.authFor(host + ":" + uri.getPort()) : Optional.empty();
    if (auth.isEmpty()) {
      auth = auths.authFor(host);
    }
    return auth.map(Auth::authorizationHeader).orElse(null);
  }
}
