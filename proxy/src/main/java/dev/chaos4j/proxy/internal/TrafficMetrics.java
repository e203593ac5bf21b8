package dev.chaos4j.proxy.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes received and sent by the proxies, counted per direction, proxy, listen address and
 * upstream, as Toxiproxy's {@code -proxy-metrics} exposes them. Counted live, not when a connection
 * ends as in Toxiproxy.
 */
public final class TrafficMetrics {

  /** The labels of one series, named as Toxiproxy names them. */
  public record Labels(String direction, String proxy, String listener, String upstream) {}

  /** The two counters of one series. */
  public static final class Counters {
    /** Bytes read from the side that sends. */
    public final LongAdder received = new LongAdder();

    /** Bytes handed to the side that receives. */
    public final LongAdder sent = new LongAdder();
  }

  private final Map<Labels, Counters> series = new ConcurrentHashMap<>();

  /** The counters of one series, created on first use. */
  public Counters counters(Direction direction, String proxy, String listener, String upstream) {
    return series.computeIfAbsent(
        new Labels(direction.label(), proxy, listener, upstream), labels -> new Counters());
  }

  /** Every series with its counters, ordered by label values as Prometheus' Go client orders. */
  public List<Map.Entry<Labels, Counters>> snapshot() {
    return series.entrySet().stream()
        .sorted(
            Map.Entry.comparingByKey(
                Comparator.comparing(Labels::direction)
                    .thenComparing(Labels::listener)
                    .thenComparing(Labels::proxy)
                    .thenComparing(Labels::upstream)))
        .toList();
  }
}
