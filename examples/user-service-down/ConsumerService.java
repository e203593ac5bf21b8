import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consumer web service of the demo: {@code GET /ui} is a page listing the users it asks the
 * user service for, through the fault proxy {@code user_dev}.
 *
 * <p>Without {@code --fallback} (the {@code before} system) a failing user service fails the page:
 * 503. With {@code --fallback} (the {@code after} system) the page still answers 200, degraded: the
 * users of the last successful call, and a notice saying the user service is unavailable.
 *
 * <p>JDK only, no build step: {@code java ConsumerService.java [--port 8080] [--users URL]
 * [--fallback]}. Stops on SIGTERM or Ctrl-C.
 */
public final class ConsumerService {
  // Short bounds: a dependency that is down must cost the page a moment, not hang it.
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final URI usersUrl;
  private final boolean fallback;
  // the fallback's data: the users of the last successful call, and when it was made
  private volatile List<String> lastKnown = List.of();
  private volatile LocalTime lastKnownAt;

  private ConsumerService(URI usersUrl, boolean fallback) {
    this.usersUrl = usersUrl;
    this.fallback = fallback;
  }

  public static void main(String[] args) throws IOException {
    int port = 8080;
    URI users = URI.create("http://127.0.0.1:8091/users");
    boolean fallback = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--users" -> users = URI.create(args[++i]);
        case "--fallback" -> fallback = true;
        default -> {
          System.err.println(
              "usage: java ConsumerService.java [--port 8080] [--users URL] [--fallback]");
          System.exit(2);
        }
      }
    }
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (BindException e) {
      System.err.println("consumer: cannot listen on " + address + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    ConsumerService consumer = new ConsumerService(users, fallback);
    server.createContext("/ui", consumer::ui);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println(
        "consumer: GET http://localhost:"
            + port
            + "/ui, users from "
            + users
            + (fallback ? ", with a fallback" : ", without fallback"));
  }

  private void ui(HttpExchange exchange) throws IOException {
    try (exchange) {
      List<String> users;
      try {
        users = fetchUsers();
      } catch (IOException e) {
        unavailable(exchange, reason(e));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unavailable(exchange, "interrupted");
        return;
      }
      lastKnown = users;
      lastKnownAt = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
      respond(exchange, 200, page(users, null));
    }
  }

  private List<String> fetchUsers() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(usersUrl).timeout(CALL_TIMEOUT).GET().build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("the user service answered " + response.statusCode());
    }
    Matcher names = NAME.matcher(response.body());
    return names.results().map(m -> m.group(1)).toList();
  }

  /** The page when the user service cannot be reached: an error, or the degraded page. */
  private void unavailable(HttpExchange exchange, String reason) throws IOException {
    if (!fallback) {
      respond(
          exchange,
          503,
          "<html><body><h1>Error</h1><p>The user service is unavailable: "
              + reason
              + "</p></body></html>\n");
      return;
    }
    String notice =
        lastKnownAt == null
            ? "The user service is unavailable (" + reason + "): no users to show yet."
            : "The user service is unavailable ("
                + reason
                + "): showing the users known at "
                + lastKnownAt
                + ".";
    respond(exchange, 200, page(lastKnown, notice));
  }

  private static String page(List<String> users, String notice) {
    StringBuilder html = new StringBuilder("<html><body><h1>Users</h1>");
    if (notice != null) {
      html.append("<p class=\"notice\">").append(notice).append("</p>");
    }
    html.append("<ul>");
    users.forEach(name -> html.append("<li>").append(name).append("</li>"));
    return html.append("</ul></body></html>\n").toString();
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }

  private static void respond(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    System.out.println(
        exchange.getRequestMethod() + " " + exchange.getRequestURI() + " -> " + status);
  }
}
