package dev.chaos4j.bench.middleware;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response the chaos filter never touches when it leaves a request alone: every method fails
 * loudly, so that a benchmark of requests no attack targets cannot attack one unnoticed.
 */
final class BenchResponse extends HttpServletResponseWrapper {

  BenchResponse() {
    super(BenchRequest.unsupported(HttpServletResponse.class));
  }
}
