package dev.chaos4j.bench.middleware;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.ChaosMiddleware;
import java.net.URI;
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
 * {@link ChaosMiddleware#planOutbound(String, URI)}, the decision for one call to a dependency, as
 * a client adapter makes it (idle check first), for calls no attack targets. Its baseline is {@link
 * Baselines#call}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class OutboundDecisionBench {

  /** See {@link Fixtures#middleware}. */
  @Param({"disabled", "inbound-only", "armed-1", "armed-10"})
  public String state;

  private ChaosMiddleware middleware;
  private URI[] calls;
  private int next;

  @Setup
  public void setUp() {
    middleware = Fixtures.middleware(state, true);
    calls = Fixtures.calls();
    Fixtures.checkNothingMatches(middleware, Fixtures.requests("root"), calls);
  }

  @TearDown
  public void tearDown() {
    middleware.close();
  }

  private URI nextCall() {
    return calls[next++ & (Fixtures.SIZE - 1)];
  }

  /** What ChaosHttpClient does before each call: the idle check, then the decision. */
  @Benchmark
  public AttackPlan planOutbound() {
    URI call = nextCall();
    return middleware.isOutboundIdle() ? null : middleware.planOutbound("GET", call);
  }
}
