package dev.chaos4j.middleware.servlet;

/** The filter's contract in Tomcat. */
class TomcatFilterTest extends FilterContract {
  @Override
  WebServer.Kind kind() {
    return WebServer.Kind.TOMCAT;
  }
}
