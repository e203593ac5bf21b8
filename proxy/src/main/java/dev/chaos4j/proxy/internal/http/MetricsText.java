package dev.chaos4j.proxy.internal.http;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.chaos4j.proxy.internal.TrafficMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code /metrics} in Prometheus' text format (0.0.4): the proxies' byte counters under Toxiproxy's
 * names, and, instead of Toxiproxy's Go runtime metrics, a few of the JVM's.
 */
final class MetricsText {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final TrafficMetrics traffic;
  private final boolean runtime;

  /**
   * @param traffic the proxies' counters, or {@code null} when proxy metrics are off
   * @param runtime whether to include JVM and process metrics
   */
  MetricsText(TrafficMetrics traffic, boolean runtime) {
    this.traffic = traffic;
    this.runtime = runtime;
  }

  String render() {
    StringBuilder out = new StringBuilder(1024);
    if (runtime) {
      runtimeMetrics(out);
    }
    if (traffic != null) {
      List<Map.Entry<TrafficMetrics.Labels, TrafficMetrics.Counters>> series = traffic.snapshot();
      family(out, "toxiproxy_proxy_received_bytes_total", "", "counter");
      for (Map.Entry<TrafficMetrics.Labels, TrafficMetrics.Counters> entry : series) {
        sample(
            out,
            "toxiproxy_proxy_received_bytes_total",
            entry.getKey(),
            entry.getValue().received.sum());
      }
      family(out, "toxiproxy_proxy_sent_bytes_total", "", "counter");
      for (Map.Entry<TrafficMetrics.Labels, TrafficMetrics.Counters> entry : series) {
        sample(
            out, "toxiproxy_proxy_sent_bytes_total", entry.getKey(), entry.getValue().sent.sum());
      }
    }
    return out.toString();
  }

  private static void runtimeMetrics(StringBuilder out) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    family(out, "jvm_memory_used_bytes", "Used bytes of a given JVM memory area.", "gauge");
    out.append("jvm_memory_used_bytes{area=\"heap\"} ")
        .append(number(memory.getHeapMemoryUsage().getUsed()))
        .append('\n');
    out.append("jvm_memory_used_bytes{area=\"nonheap\"} ")
        .append(number(memory.getNonHeapMemoryUsage().getUsed()))
        .append('\n');
    family(out, "jvm_threads_current", "Current thread count of a JVM.", "gauge");
    out.append("jvm_threads_current ")
        .append(number(ManagementFactory.getThreadMXBean().getThreadCount()))
        .append('\n');
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof UnixOperatingSystemMXBean unix) {
      family(out, "process_max_fds", "Maximum number of open file descriptors.", "gauge");
      out.append("process_max_fds ").append(number(unix.getMaxFileDescriptorCount())).append('\n');
      family(out, "process_open_fds", "Number of open file descriptors.", "gauge");
      out.append("process_open_fds ")
          .append(number(unix.getOpenFileDescriptorCount()))
          .append('\n');
    }
  }

  private static void family(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(
      StringBuilder out, String name, TrafficMetrics.Labels labels, long value) {
    out.append(name).append('{');
    label(out, "direction", labels.direction()).append(',');
    label(out, "listener", labels.listener()).append(',');
    label(out, "proxy", labels.proxy()).append(',');
    label(out, "upstream", labels.upstream());
    out.append("} ").append(number(value)).append('\n');
  }

  private static StringBuilder label(StringBuilder out, String name, String value) {
    out.append(name).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"');
  }

  /** A value as Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} writes it: 1e+06, 123456. */
  static String number(long value) {
    if (value == 0) {
      return "0";
    }
    BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
    String digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    String sign = decimal.signum() < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 6) {
      return sign + decimal.abs().toPlainString();
    }
    String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
    int magnitude = Math.abs(exponent);
    return sign
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + (magnitude < 10 ? "0" : "")
        + magnitude;
  }
}
