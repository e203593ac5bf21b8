import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The user service of the demo: {@code GET /users} answers the users as JSON. It knows nothing of
 * chaos; the consumer reaches it through the fault proxy {@code user_dev}.
 *
 * <p>JDK only, no build step: {@code java UserService.java [--port 8081]}. Stops on SIGTERM or
 * Ctrl-C.
 */
public final class UserService {
  private static final String USERS =
      "[{\"id\": 1, \"name\": \"Ada Lovelace\"}, {\"id\": 2, \"name\": \"Grace Hopper\"},"
          + " {\"id\": 3, \"name\": \"Margaret Hamilton\"}]";

  private UserService() {}

  public static void main(String[] args) throws IOException {
    int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 8081;
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (BindException e) {
      System.err.println("user service: cannot listen on " + address + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    server.createContext("/users", UserService::users);
    server.start();
    System.out.println("user service: GET http://127.0.0.1:" + port + "/users");
  }

  private static void users(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = USERS.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
