package dev.chaos4j.middleware.servlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application under attack: answers {@code ok METHOD PATH} and counts its calls, so a test can
 * tell whether the handler ran. {@code /flush} flushes half-way through; {@code /big} answers 1
 * MiB; {@code /sized} declares its length, as frameworks do, which makes Tomcat count the response
 * as committed once that much is written.
 */
final class TestApp extends HttpServlet {
  private static final long serialVersionUID = 1L;

  final AtomicInteger calls = new AtomicInteger();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    calls.incrementAndGet();
    String path = ChaosFilter.pathOf(request);
    response.setContentType("text/plain;charset=UTF-8");
    if (path.equals("/big")) {
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 128; i++) {
        response.getOutputStream().write(chunk);
      }
      return;
    }
    if (path.equals("/sized")) {
      byte[] body = ("ok " + request.getMethod() + " " + path).getBytes(StandardCharsets.UTF_8);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.getOutputStream().flush();
      return;
    }
    PrintWriter out = response.getWriter();
    out.print("ok " + request.getMethod() + " " + path);
    if (path.equals("/flush")) {
      out.flush();
      response.flushBuffer();
      out.print(" (flushed)");
    }
  }
}
