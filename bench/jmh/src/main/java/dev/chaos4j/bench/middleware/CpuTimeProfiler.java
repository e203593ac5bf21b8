package dev.chaos4j.bench.middleware;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark's JVM per operation ({@code cpu.time.norm}, ns/op), beside JMH's wall
 * time: {@code -prof dev.chaos4j.bench.middleware.CpuTimeProfiler}. On a machine shared with other
 * work, a benchmark thread waiting for a core inflates the wall time per operation but not its CPU
 * time, so this figure still compares variants there. It counts every thread of the JVM (the
 * compiler's, the collector's too), which add next to nothing once warmed up.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private long before;

  @Override
  public String getDescription() {
    return "CPU time of the benchmark JVM, all threads, per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = processCpuNanos();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long used = processCpuNanos() - before;
    long ops = result.getMetadata().getAllOps();
    return List.of(
        new ScalarResult(
            "cpu.time.norm",
            ops == 0 ? Double.NaN : (double) used / ops,
            "ns/op",
            AggregationPolicy.AVG));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
