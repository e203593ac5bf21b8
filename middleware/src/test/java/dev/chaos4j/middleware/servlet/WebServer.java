package dev.chaos4j.middleware.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real servlet container on a loopback ephemeral port, with filters mapped on {@code /*} in the
 * order given and servlets on their mappings.
 */
interface WebServer extends AutoCloseable {

  /** The base URI, like {@code http://127.0.0.1:PORT}. */
  URI base();

  @Override
  void close();

  /** The two containers the filter is tested in. */
  enum Kind {
    JETTY,
    TOMCAT;

    WebServer start(
        Map<String, Filter> filters,
        Map<String, String> initParams,
        Map<String, HttpServlet> servlets) {
      return this == JETTY
          ? jetty(filters, initParams, servlets)
          : tomcat(filters, initParams, servlets);
    }
  }

  static WebServer jetty(
      Map<String, Filter> filters,
      Map<String, String> initParams,
      Map<String, HttpServlet> servlets) {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    filters.forEach(
        (name, filter) -> {
          FilterHolder holder = new FilterHolder(filter);
          holder.setName(name);
          holder.setInitParameters(initParams);
          context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        });
    servlets.forEach((mapping, servlet) -> context.addServlet(new ServletHolder(servlet), mapping));
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not start", e);
    }
    URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    return new WebServer() {
      @Override
      public URI base() {
        return base;
      }

      @Override
      public void close() {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  static WebServer tomcat(
      Map<String, Filter> filters,
      Map<String, String> initParams,
      Map<String, HttpServlet> servlets) {
    Path baseDir;
    try {
      baseDir = Files.createTempDirectory("chaos4j-tomcat");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toString());
    filters.forEach(
        (name, filter) -> {
          FilterDef def = new FilterDef();
          def.setFilterName(name);
          def.setFilter(filter);
          initParams.forEach(def::addInitParameter);
          context.addFilterDef(def);
          FilterMap map = new FilterMap();
          map.setFilterName(name);
          map.addURLPattern("/*");
          context.addFilterMap(map);
        });
    Map<String, String> names = new LinkedHashMap<>();
    servlets.forEach(
        (mapping, servlet) -> {
          String name = "servlet" + names.size();
          names.put(mapping, name);
          Tomcat.addServlet(context, name, servlet);
          context.addServletMappingDecoded(mapping, name);
        });
    try {
      tomcat.start();
    } catch (Exception e) {
      throw new IllegalStateException("Tomcat did not start", e);
    }
    URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    return new WebServer() {
      @Override
      public URI base() {
        return base;
      }

      @Override
      public void close() {
        try {
          tomcat.stop();
          tomcat.destroy();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          } catch (IOException ignored) {
            // a temporary directory left behind is harmless
          }
        }
      }
    };
  }
}
