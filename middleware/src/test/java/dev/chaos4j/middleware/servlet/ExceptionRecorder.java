package dev.chaos4j.middleware.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The outermost filter: turns an exception from inside into a 500 naming its class in {@code
 * X-Test-Exception} (and its cause's in {@code X-Test-Cause}), so a test sees what the chaos filter
 * threw, in any container.
 */
final class ExceptionRecorder implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException {
    try {
      chain.doFilter(request, response);
    } catch (Throwable t) {
      HttpServletResponse http = (HttpServletResponse) response;
      if (!http.isCommitted()) {
        String marker = http.getHeader("X-Chaos4j-Attack");
        http.reset();
        if (marker != null) {
          http.setHeader("X-Chaos4j-Attack", marker);
        }
        http.setStatus(500);
        http.setHeader("X-Test-Exception", t.getClass().getName());
        if (t.getCause() != null) {
          http.setHeader("X-Test-Cause", t.getCause().getClass().getName());
        }
        http.getWriter().print(t.getMessage());
      }
    }
  }
}
