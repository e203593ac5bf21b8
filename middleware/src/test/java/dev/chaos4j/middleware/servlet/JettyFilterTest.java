package dev.chaos4j.middleware.servlet;

/** The filter's contract in Jetty. */
class JettyFilterTest extends FilterContract {
  @Override
  WebServer.Kind kind() {
    return WebServer.Kind.JETTY;
  }
}
