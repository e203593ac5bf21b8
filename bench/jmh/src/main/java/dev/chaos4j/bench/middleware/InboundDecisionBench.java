package dev.chaos4j.bench.middleware;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.RequestHeaders;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ChaosMiddleware#plan}, the framework-neutral decision for one inbound request, in each
 * state of the middleware, for requests no attack targets. Its baseline is {@link
 * Baselines#request}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class InboundDecisionBench {

  private static final RequestHeaders<BenchRequest> HEADERS = BenchRequest::getHeader;

  /** See {@link Fixtures#middleware}. */
  @Param({
    "disabled",
    "not-ready",
    "switched-off",
    "no-attacks",
    "other-app",
    "outbound-only",
    "headers-on",
    "armed-1",
    "armed-10"
  })
  public String state;

  private ChaosMiddleware middleware;
  private BenchRequest[] requests;
  private int next;

  @Setup
  public void setUp() {
    middleware = Fixtures.middleware(state, false);
    requests = Fixtures.requests("root");
    Fixtures.checkNothingMatches(middleware, requests, Fixtures.calls());
  }

  @TearDown
  public void tearDown() {
    middleware.close();
  }

  private BenchRequest nextRequest() {
    return requests[next++ & (Fixtures.SIZE - 1)];
  }

  /** The decision for the next request; {@code null}, since no attack targets it. */
  @Benchmark
  public AttackPlan plan() {
    BenchRequest r = nextRequest();
    return middleware.plan(r.method, r.path, r, HEADERS);
  }
}
