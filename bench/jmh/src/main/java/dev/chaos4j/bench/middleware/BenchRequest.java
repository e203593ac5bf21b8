package dev.chaos4j.bench.middleware;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Proxy;

/**
 * A request as a container hands it to a filter, reduced to what the chaos filter reads: method,
 * servlet path and path info, a few headers. Anything else fails loudly, so that a benchmark never
 * measures a method it did not mean to call.
 */
final class BenchRequest extends HttpServletRequestWrapper {

  private static final HttpServletRequest UNSUPPORTED = unsupported(HttpServletRequest.class);

  final String method;
  final String path;
  private final String servletPath;
  private final String pathInfo;
  private final String[] headers;

  /**
   * A request for {@code path}, mapped to a servlet at {@code servletPrefix} ({@code ""} for the
   * default servlet, mapped at {@code /}; {@code /api} for one mapped at {@code /api/*}).
   *
   * @param headers name, value, name, value...
   */
  BenchRequest(String method, String path, String servletPrefix, String... headers) {
    super(UNSUPPORTED);
    this.method = method;
    this.path = path;
    if (servletPrefix.isEmpty()) {
      this.servletPath = path;
      this.pathInfo = null;
    } else {
      if (!path.startsWith(servletPrefix + "/")) {
        throw new IllegalArgumentException(path + " is not under " + servletPrefix);
      }
      this.servletPath = servletPrefix;
      this.pathInfo = path.substring(servletPrefix.length());
    }
    this.headers = headers;
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getServletPath() {
    return servletPath;
  }

  @Override
  public String getPathInfo() {
    return pathInfo;
  }

  /** Case-insensitive, as a container's lookup is. */
  @Override
  public String getHeader(String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  @Override
  public boolean isAsyncStarted() {
    return false;
  }

  /** An implementation of {@code type} whose every method throws, naming itself. */
  static <T> T unsupported(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(
                  type.getSimpleName() + "." + method.getName() + " is not part of the benchmark");
            }));
  }
}
