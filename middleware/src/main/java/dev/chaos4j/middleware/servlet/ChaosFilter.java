package dev.chaos4j.middleware.servlet;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackPlan.Hit;
import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Phase;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import dev.chaos4j.middleware.RequestHeaders;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The chaos middleware as a servlet filter, for any Jakarta Servlet 6 container. Map it first, on
 * {@code /*}, for the REQUEST dispatcher.
 *
 * <p>Declared in {@code web.xml} (or registered with the no-argument constructor), it reads its
 * configuration from {@code chaos4j.middleware.*} keys: system properties first, then environment
 * variables, then the filter's init parameters, then the context's. It owns the middleware it
 * starts, publishes it as the servlet context attribute {@link ChaosMiddleware#CONTEXT_ATTRIBUTE}
 * (so the application can call {@code markReady()}), and closes it on {@code destroy()}. An invalid
 * configuration is logged as one error and leaves the application untouched. Frameworks that build
 * the middleware themselves pass it to {@link #ChaosFilter(ChaosMiddleware)}.
 */
public class ChaosFilter implements Filter {

  private static final System.Logger LOG = System.getLogger("dev.chaos4j.middleware");
  private static final RequestHeaders<HttpServletRequest> HEADERS = HttpServletRequest::getHeader;

  private ChaosMiddleware middleware;
  private boolean owned;
  private String marker = "";
  private int afterBufferBytes;

  /** A filter that starts its own middleware from the configuration keys, in {@code init}. */
  public ChaosFilter() {}

  /** A filter over a middleware started (and closed) by the caller. */
  public ChaosFilter(ChaosMiddleware middleware) {
    use(middleware);
  }

  @Override
  public void init(FilterConfig filterConfig) {
    if (middleware == null) {
      try {
        use(ChaosMiddleware.start(MiddlewareConfig.from(lookup(filterConfig))));
        owned = true;
      } catch (RuntimeException e) {
        LOG.log(
            Level.ERROR,
            "chaos4j middleware not started, requests pass through untouched: {0}",
            e.getMessage());
        return;
      }
    }
    filterConfig.getServletContext().setAttribute(ChaosMiddleware.CONTEXT_ATTRIBUTE, middleware);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    ChaosMiddleware mw = middleware;
    if (mw == null
        || mw.isIdle()
        || !(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    AttackPlan plan = mw.plan(request.getMethod(), pathOf(request), request, HEADERS);
    if (plan == null) {
      chain.doFilter(req, res);
      return;
    }
    try (plan) {
      attack(plan, request, response, chain);
    }
  }

  @Override
  public void destroy() {
    if (owned && middleware != null) {
      middleware.close();
    }
  }

  private void use(ChaosMiddleware mw) {
    middleware = mw;
    marker = mw.config().responseHeader();
    afterBufferBytes = mw.config().afterBufferBytes();
  }

  private void attack(
      AttackPlan plan, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    mark(plan, response);
    for (Hit hit : plan.hits()) {
      if (hit.phase() == Phase.BEFORE && !act(plan, hit, response)) {
        return;
      }
    }
    if (!plan.has(Phase.AFTER)) {
      chain.doFilter(request, response);
      return;
    }
    HeldResponse held = new HeldResponse(response, afterBufferBytes);
    chain.doFilter(request, held);
    if (request.isAsyncStarted()) {
      LOG.log(
          Level.DEBUG,
          "chaos4j: {0} answers asynchronously; after-handler attacks skipped",
          request.getRequestURI());
      held.restoreContentLength();
      return;
    }
    for (Hit hit : plan.hits()) {
      if (hit.phase() == Phase.AFTER && !act(plan, hit, response)) {
        return;
      }
    }
    held.restoreContentLength();
  }

  /**
   * Carries out one hit: its delay, then its fault. Returns whether the request goes on (no fault,
   * or the delay was cut short by the kill switch, which also cancels the fault).
   */
  private boolean act(AttackPlan plan, Hit hit, HttpServletResponse response) throws IOException {
    if (!plan.pause(hit)) {
      return true;
    }
    Abort abort = hit.abort();
    if (abort != null) {
      if (response.isCommitted()) {
        LOG.log(
            Level.WARNING,
            "chaos4j attack ''{0}'': the response was already sent, abort {1} not applied (raise"
                + " {2}after-buffer-bytes)",
            hit.attackId(),
            abort.status(),
            MiddlewareConfig.PREFIX);
        return true;
      }
      response.reset();
      mark(plan, response);
      writeAbort(response, abort);
      return false;
    }
    if (hit.throwsException()) {
      if (!response.isCommitted()) {
        response.resetBuffer();
      }
      throw ChaosFilter.<RuntimeException>sneaky(hit.newException());
    }
    return true;
  }

  private void mark(AttackPlan plan, HttpServletResponse response) {
    if (!marker.isEmpty()) {
      response.setHeader(marker, plan.marker());
    }
  }

  private static void writeAbort(HttpServletResponse response, Abort abort) throws IOException {
    response.setStatus(abort.status());
    response.setContentType(abort.contentType());
    byte[] body = abort.body().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } catch (IllegalStateException writerInUse) {
      PrintWriter writer = response.getWriter();
      writer.write(abort.body());
    }
  }

  /** The path relative to the context: servlet path plus path info, decoded and normalised. */
  static String pathOf(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    if (pathInfo == null) {
      return servletPath == null || servletPath.isEmpty() ? "/" : servletPath;
    }
    return servletPath == null || servletPath.isEmpty() ? pathInfo : servletPath + pathInfo;
  }

  private static Function<String, String> lookup(FilterConfig filterConfig) {
    Function<String, String> system = MiddlewareConfig.systemLookup();
    return key -> {
      String value = system.apply(key);
      if (value == null) {
        value = filterConfig.getInitParameter(key);
      }
      if (value == null) {
        value = filterConfig.getServletContext().getInitParameter(key);
      }
      return value;
    };
  }

  /** Throws any throwable, checked or not, as the allow-listed type it is. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
