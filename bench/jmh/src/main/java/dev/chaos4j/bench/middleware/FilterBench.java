package dev.chaos4j.bench.middleware;

import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.servlet.ChaosFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole servlet filter per request, {@link ChaosFilter#doFilter} with requests no attack
 * targets. No container: the request and response are {@link BenchRequest} and {@link
 * BenchResponse}, the chain hands the request to a black hole. Its baseline is a filter that only
 * calls the chain, {@link Baselines#passThroughFilter}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FilterBench {

  /** See {@link Fixtures#middleware}. */
  @Param({"disabled", "no-attacks", "armed-1", "armed-10"})
  public String state;

  /** See {@link Fixtures#requests}. */
  @Param({"root"})
  public String mapping;

  private ChaosMiddleware middleware;
  private Filter filter;
  private FilterChain chain;
  private BenchRequest[] requests;
  private BenchResponse response;
  private int next;

  @Setup
  public void setUp(Blackhole blackhole) {
    middleware = Fixtures.middleware(state, false);
    requests = Fixtures.requests(mapping);
    Fixtures.checkNothingMatches(middleware, requests, Fixtures.calls());
    response = new BenchResponse();
    filter = new ChaosFilter(middleware);
    chain = Fixtures.chain(blackhole);
  }

  @TearDown
  public void tearDown() {
    middleware.close();
  }

  /** The chaos filter, for the next request. */
  @Benchmark
  public void chaosFilter() throws IOException, ServletException {
    filter.doFilter(requests[next++ & (Fixtures.SIZE - 1)], response, chain);
  }
}
