package dev.chaos4j.middleware.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/** Lets one running container serve each test with a chaos filter of its own. */
final class SwitchableFilter implements Filter {
  private volatile Filter current;

  void use(Filter filter) {
    current = filter;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Filter filter = current;
    if (filter == null) {
      chain.doFilter(request, response);
    } else {
      filter.doFilter(request, response, chain);
    }
  }
}
