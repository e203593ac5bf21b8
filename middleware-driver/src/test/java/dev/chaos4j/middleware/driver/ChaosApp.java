package dev.chaos4j.middleware.driver;

import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import dev.chaos4j.middleware.servlet.ChaosFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real web application under attack: Jetty 12 on a loopback ephemeral port, the chaos4j
 * middleware's {@link ChaosFilter} on every route, its admin API on a port of its own. Every route
 * answers {@code ok METHOD PATH}.
 */
final class ChaosApp implements AutoCloseable {
  static final String TOKEN = "driver-test-token-0123456789";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  final ChaosMiddleware middleware;
  private final Server server;
  private final URI base;

  private ChaosApp(ChaosMiddleware middleware, Server server, URI base) {
    this.middleware = middleware;
    this.server = server;
    this.base = base;
  }

  /** Starts an application named so, armed at once. */
  static ChaosApp start(String application) {
    ChaosMiddleware middleware =
        ChaosMiddleware.start(
            MiddlewareConfig.builder()
                .enabled(true)
                .identity(application, "test", application + "-1")
                .readyAfter(Duration.ZERO)
                .maxDelay(Duration.ofSeconds(5))
                .admin(0, TOKEN)
                .build());
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addFilter(
        new FilterHolder(new ChaosFilter(middleware)), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Ok()), "/*");
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      middleware.close();
      throw new IllegalStateException("Jetty did not start", e);
    }
    return new ChaosApp(
        middleware, server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
  }

  /** The admin API's base URL, as an experiment configures it. */
  String adminUrl() {
    return "http://127.0.0.1:" + middleware.adminAddress().orElseThrow().getPort() + "/chaos4j";
  }

  URI base() {
    return base;
  }

  HttpResponse<String> get(String path) {
    return request("GET", path);
  }

  HttpResponse<String> request(String method, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      middleware.close();
    }
  }

  /** The application's handler. */
  private static final class Ok extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().print("ok " + request.getMethod() + " " + request.getRequestURI());
    }
  }
}
