package dev.chaos4j.bench.middleware;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackSpec;
import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Delay;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import jakarta.servlet.FilterChain;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The middleware in each state a benchmark measures, and the traffic sent through it: requests and
 * calls that none of the installed attacks targets, varied so that the JIT cannot fold the decision
 * into a constant.
 */
final class Fixtures {

  /** Traffic arrays have this many entries (a power of two: the cursor wraps with a mask). */
  static final int SIZE = 64;

  static final String APPLICATION = "shop";

  /** Kept so that java.util.logging does not forget the level set on it. */
  private static final Logger MIDDLEWARE_LOG = Logger.getLogger("dev.chaos4j.middleware");

  private Fixtures() {}

  /**
   * The middleware in one named state.
   *
   * <ul>
   *   <li>{@code disabled}: {@code enabled} is not true (the default);
   *   <li>{@code not-ready}: enabled, ten attacks installed, the application not yet ready;
   *   <li>{@code switched-off}: ready, ten attacks installed, the kill switch off;
   *   <li>{@code no-attacks}: enabled and ready, nothing installed;
   *   <li>{@code other-app}: ten attacks whose selectors name another application;
   *   <li>{@code outbound-only}: ten outbound attacks, none inbound;
   *   <li>{@code inbound-only}: ten inbound attacks, none outbound;
   *   <li>{@code headers-on}: no attack, signed attack headers accepted (a secret is set);
   *   <li>{@code armed-1}, {@code armed-10}: one or ten attacks, of the direction {@code outbound}
   *       says, that target none of the traffic.
   * </ul>
   */
  static ChaosMiddleware middleware(String state, boolean outbound) {
    MIDDLEWARE_LOG.setLevel(Level.WARNING);
    MiddlewareConfig.Builder config =
        MiddlewareConfig.builder()
            .enabled(true)
            .identity(APPLICATION, "bench", "bench-1")
            .readyAfter(Duration.ZERO)
            .maxTtl(Duration.ofHours(1))
            .defaultTtl(Duration.ofHours(1));
    ChaosMiddleware mw;
    switch (state) {
      case "disabled" -> mw = ChaosMiddleware.start(MiddlewareConfig.builder().build());
      case "not-ready" -> {
        mw = ChaosMiddleware.start(config.readyAfter(null).build());
        install(mw, tenInbound());
      }
      case "switched-off" -> {
        mw = ChaosMiddleware.start(config.build());
        install(mw, outbound ? tenOutbound() : tenInbound());
        mw.disable();
      }
      case "no-attacks" -> mw = ChaosMiddleware.start(config.build());
      case "other-app" -> {
        mw = ChaosMiddleware.start(config.build());
        install(
            mw,
            (outbound ? tenOutbound() : tenInbound())
                .stream().map(attack -> attack.target("billing", null, null)).toList());
      }
      case "outbound-only" -> {
        mw = ChaosMiddleware.start(config.build());
        install(mw, tenOutbound());
      }
      case "inbound-only" -> {
        mw = ChaosMiddleware.start(config.build());
        install(mw, tenInbound());
      }
      case "headers-on" ->
          mw = ChaosMiddleware.start(config.headerSecret("0123456789abcdef0123456789").build());
      case "armed-1" -> {
        mw = ChaosMiddleware.start(config.build());
        install(mw, (outbound ? tenOutbound() : tenInbound()).subList(0, 1));
      }
      case "armed-10" -> {
        mw = ChaosMiddleware.start(config.build());
        install(mw, outbound ? tenOutbound() : tenInbound());
      }
      default -> throw new IllegalArgumentException("unknown state " + state);
    }
    return mw;
  }

  private static void install(ChaosMiddleware mw, List<AttackSpec.Builder> attacks) {
    for (AttackSpec.Builder attack : attacks) {
      mw.create(attack.fault(new Abort(503, "chaos", null)).delay(Delay.fixed(1)).build());
    }
  }

  /**
   * Ten inbound attacks, none of which targets any of {@link #requests}: the route differs at its
   * literal prefix, or further on, or the route matches and the method differs, or route and method
   * match and a header condition fails. The first is the one of {@code armed-1}.
   */
  static List<AttackSpec.Builder> tenInbound() {
    return List.of(
        AttackSpec.on("/admin/**"),
        AttackSpec.on("/api/payments/*").methods("POST"),
        AttackSpec.on("/api/orders/*").methods("POST", "PUT"),
        AttackSpec.on("/api/orders/{id}/items").header("x-tenant", "canary-*"),
        AttackSpec.on("/api/users/*").header("x-canary", "true"),
        AttackSpec.on("/api/*/export"),
        AttackSpec.on("/**/*.csv"),
        AttackSpec.on("/v2/**"),
        AttackSpec.on("/api/products/*/reviews").methods("DELETE"),
        AttackSpec.on("/api/users/{id}").methods("GET").header("user-agent", "bot*"));
  }

  /**
   * Ten outbound attacks, none of which targets any of {@link #calls}: another host, another port,
   * another route or method on the right host, a header condition (a call without headers never
   * meets one). The first is the one of {@code armed-1}.
   */
  static List<AttackSpec.Builder> tenOutbound() {
    return List.of(
        AttackSpec.on("/**").outbound().host("inventory.internal"),
        AttackSpec.on("/**").outbound().host("*.svc.cluster.local").port(9443),
        AttackSpec.on("/admin/**").outbound().host("users.internal"),
        AttackSpec.on("/**").outbound().host("users.internal").methods("DELETE"),
        AttackSpec.on("/**").outbound().host("users.internal").header("x-canary", "true"),
        AttackSpec.on("/**").outbound().host("10.0.1.*"),
        AttackSpec.on("/**").outbound().host("*.example.com"),
        AttackSpec.on("/v2/**").outbound(),
        AttackSpec.on("/refunds/*").outbound().host("payments.svc.cluster.local"),
        AttackSpec.on("/**").outbound().port(6379));
  }

  /**
   * Requests to an application whose servlet is mapped as {@code mapping} says: {@code root} for
   * {@code /} (Spring's dispatcher, the default servlet: the whole path is the servlet path),
   * {@code prefix} for {@code /api/*} (the path is the servlet path plus the path info).
   */
  static BenchRequest[] requests(String mapping) {
    String servletPrefix =
        switch (mapping) {
          case "root" -> "";
          case "prefix" -> "/api";
          default -> throw new IllegalArgumentException("unknown mapping " + mapping);
        };
    String[][] shapes = {
      {"GET", "/api/users/%d"},
      {"GET", "/api/users/%d/orders"},
      {"GET", "/api/orders/%d"},
      {"GET", "/api/orders/%d/items"},
      {"POST", "/api/cart/%d"},
      {"GET", "/api/products/%d/reviews"},
      {"GET", "/api/products/%d"},
      {"PUT", "/api/users/%d/address"},
    };
    BenchRequest[] requests = new BenchRequest[SIZE];
    for (int i = 0; i < SIZE; i++) {
      String[] shape = shapes[i % shapes.length];
      String path = String.format(shape[1], 1000 + i * 37);
      requests[i] =
          new BenchRequest(
              shape[0],
              path,
              servletPrefix,
              "Host",
              "shop.example.com",
              "Accept",
              "application/json",
              "User-Agent",
              i % 3 == 0 ? "curl/8.5.0" : "Mozilla/5.0",
              "X-Canary",
              "false");
    }
    return requests;
  }

  /** Calls to dependencies. */
  static URI[] calls() {
    String[] shapes = {
      "http://users.internal:8080/users/%d",
      "https://payments.svc.cluster.local/charges/%d",
      "http://10.0.0.12:9200/orders-%d/_search",
      "https://api.partner.io/v1/quotes/%d",
    };
    URI[] calls = new URI[SIZE];
    for (int i = 0; i < SIZE; i++) {
      calls[i] = URI.create(String.format(shapes[i % shapes.length], 1000 + i * 37));
      calls[i].getPath(); // decoded once, as the client does when it sends the call
    }
    return calls;
  }

  /** The end of a filter chain: the request goes into the black hole. */
  static FilterChain chain(Blackhole blackhole) {
    return (request, response) -> blackhole.consume(request);
  }

  /** Fails when the middleware would attack any of the traffic: the figures would mean nothing. */
  static void checkNothingMatches(ChaosMiddleware mw, BenchRequest[] requests, URI[] calls) {
    for (BenchRequest r : requests) {
      AttackPlan plan = mw.plan(r.method, r.path, r, BenchRequest::getHeader);
      if (plan != null) {
        plan.close();
        throw new IllegalStateException("an attack targets " + r.method + " " + r.path);
      }
    }
    for (URI call : calls) {
      AttackPlan plan = mw.planOutbound("GET", call);
      if (plan != null) {
        plan.close();
        throw new IllegalStateException("an attack targets GET " + call);
      }
    }
  }
}
