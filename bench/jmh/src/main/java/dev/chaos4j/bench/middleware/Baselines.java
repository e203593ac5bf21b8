package dev.chaos4j.bench.middleware;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baselines, measured in the same run as the benchmarks they stand beside: the work each of
 * them does besides the middleware (picking the next request or call of the array, being a filter
 * that calls the chain), so that a figure can be read as a cost over nothing at all.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class Baselines {

  /** See {@link Fixtures#requests}. */
  @Param({"root"})
  public String mapping;

  private BenchRequest[] requests;
  private URI[] calls;
  private BenchResponse response;
  private Filter filter;
  private FilterChain chain;
  private int next;

  @Setup
  public void setUp(Blackhole blackhole) {
    requests = Fixtures.requests(mapping);
    calls = Fixtures.calls();
    response = new BenchResponse();
    filter = new PassThroughFilter();
    chain = Fixtures.chain(blackhole);
  }

  /** Baseline of {@link InboundDecisionBench#plan}: the next request, handed back. */
  @Benchmark
  public Object request() {
    return requests[next++ & (Fixtures.SIZE - 1)];
  }

  /** Baseline of {@link OutboundDecisionBench#planOutbound}: the next call, handed back. */
  @Benchmark
  public Object call() {
    return calls[next++ & (Fixtures.SIZE - 1)];
  }

  /** Baseline of {@link FilterBench#chaosFilter}: a filter that only calls the chain. */
  @Benchmark
  public void passThroughFilter() throws IOException, ServletException {
    filter.doFilter(requests[next++ & (Fixtures.SIZE - 1)], response, chain);
  }

  private static final class PassThroughFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request, response);
    }
  }
}
