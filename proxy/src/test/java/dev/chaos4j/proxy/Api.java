package dev.chaos4j.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a fault proxy server's API, with the JDK's client. */
final class Api {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  Api(FaultProxyServer server) {
    this.base = server.url();
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String body) {
    return send("POST", path, body);
  }

  HttpResponse<String> patch(String path, String body) {
    return send("PATCH", path, body);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null);
  }

  HttpResponse<String> send(String method, String path, String body) {
    return send(HttpRequest.newBuilder(base.resolve(path)), method, body);
  }

  HttpResponse<String> send(HttpRequest.Builder request, String method, String body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    try {
      return CLIENT.send(
          request.method(method, publisher).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path(request) + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String path(HttpRequest.Builder request) {
    return request.copy().build().uri().toString();
  }

  /** Creates a proxy on an ephemeral loopback port; returns its port. */
  int createProxy(String name, String upstream) {
    HttpResponse<String> response =
        post(
            "/proxies",
            "{\"name\":\""
                + name
                + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + upstream
                + "\"}");
    if (response.statusCode() != 201) {
      throw new AssertionError("creating proxy " + name + ": " + response.body());
    }
    String body = response.body();
    int listen = body.indexOf("\"listen\":\"127.0.0.1:") + "\"listen\":\"127.0.0.1:".length();
    return Integer.parseInt(body.substring(listen, body.indexOf('"', listen)));
  }

  /** Adds a toxic given as JSON; fails the test unless the API answers 200. */
  void addToxic(String proxy, String json) {
    HttpResponse<String> response = post("/proxies/" + proxy + "/toxics", json);
    if (response.statusCode() != 200) {
      throw new AssertionError("adding toxic " + json + ": " + response.body());
    }
  }

  void removeToxic(String proxy, String toxic) {
    HttpResponse<String> response = delete("/proxies/" + proxy + "/toxics/" + toxic);
    if (response.statusCode() != 204) {
      throw new AssertionError("removing toxic " + toxic + ": " + response.body());
    }
  }
}
