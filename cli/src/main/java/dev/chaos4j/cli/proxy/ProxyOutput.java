package dev.chaos4j.cli.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How proxies and toxics read on the terminal: close to toxiproxy-cli's, without colours. */
final class ProxyOutput {
  private static final String[] HEADER = {"Name", "Listen", "Upstream", "Enabled", "Toxics"};
  private static final String GAP = "  ";

  private ProxyOutput() {}

  /** {@code GET /proxies} as a table sorted by name; a hint when there is no proxy. */
  static String table(Map<String, Object> proxies) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Object value : new TreeMap<>(proxies).values()) {
      Map<?, ?> proxy = (Map<?, ?>) value;
      int toxics = proxy.get("toxics") instanceof List<?> l ? l.size() : 0;
      rows.add(
          new String[] {
            text(proxy.get("name")),
            text(proxy.get("listen")),
            text(proxy.get("upstream")),
            enabled(proxy),
            toxics == 0 ? "None" : String.valueOf(toxics)
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]) + GAP);
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = GAP.length() * (widths.length - 1);
        for (int w : widths) {
          total += w;
        }
        out.append("=".repeat(total)).append('\n');
      }
    }
    if (proxies.isEmpty()) {
      out.append("no proxies\n\nHint: create a proxy with `chaos proxy create`\n");
    }
    return out.toString();
  }

  /** One proxy, then its toxics by direction. */
  static String inspect(Map<String, Object> proxy) {
    StringBuilder out = new StringBuilder();
    out.append("Name: ")
        .append(text(proxy.get("name")))
        .append(GAP)
        .append("Listen: ")
        .append(text(proxy.get("listen")))
        .append(GAP)
        .append("Upstream: ")
        .append(text(proxy.get("upstream")))
        .append(GAP)
        .append("Enabled: ")
        .append(enabled(proxy))
        .append('\n');
    List<?> toxics = proxy.get("toxics") instanceof List<?> l ? l : List.of();
    if (toxics.isEmpty()) {
      return out.append("Proxy has no toxics enabled.\n").toString();
    }
    appendStream(out, "Upstream", "upstream", toxics, true);
    appendStream(out, "Downstream", "downstream", toxics, true);
    // chaos4j's fault proxy also has toxics acting on both directions
    appendStream(out, "Both directions", "both", toxics, false);
    return out.toString();
  }

  /** {@code NAME type=T stream=S toxicity=0.50 attributes=[k=v ...]}, attributes sorted. */
  static String toxic(Map<?, ?> toxic) {
    StringBuilder out = new StringBuilder();
    out.append(text(toxic.get("name")))
        .append(GAP)
        .append("type=")
        .append(text(toxic.get("type")))
        .append(GAP)
        .append("stream=")
        .append(text(toxic.get("stream")))
        .append(GAP)
        .append("toxicity=")
        .append(
            toxic.get("toxicity") instanceof Number n
                ? String.format(Locale.ROOT, "%.2f", n.doubleValue())
                : text(toxic.get("toxicity")))
        .append(GAP)
        .append("attributes=[");
    if (toxic.get("attributes") instanceof Map<?, ?> attributes) {
      List<String> pairs = new ArrayList<>();
      stringKeys(attributes).forEach((k, v) -> pairs.add(k + "=" + text(v)));
      out.append(String.join(" ", pairs));
    }
    return out.append(']').toString();
  }

  private static void appendStream(
      StringBuilder out, String title, String stream, List<?> toxics, boolean always) {
    List<Map<?, ?>> these = new ArrayList<>();
    for (Object toxic : toxics) {
      if (toxic instanceof Map<?, ?> t && stream.equals(t.get("stream"))) {
        these.add(t);
      }
    }
    if (these.isEmpty() && !always) {
      return;
    }
    out.append(title).append(" toxics:\n");
    if (these.isEmpty()) {
      out.append(GAP).append("(none)\n");
    }
    for (Map<?, ?> toxic : these) {
      out.append(GAP).append(toxic(toxic)).append('\n');
    }
  }

  /** The map with its keys as text, sorted. */
  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static String enabled(Map<?, ?> proxy) {
    return Boolean.TRUE.equals(proxy.get("enabled")) ? "enabled" : "disabled";
  }

  private static String text(Object value) {
    return String.valueOf(value);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
