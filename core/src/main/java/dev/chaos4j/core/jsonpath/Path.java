package dev.chaos4j.core.jsonpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A compiled path, absolute ({@code $...}) or relative to the current node ({@code @...}): a chain
 * of segments, each selecting values from the values of the previous one.
 */
final class Path {
  /** One step of the chain: selectors applied to a value, or to it and all its descendants. */
  record Segment(List<Selector> selectors, boolean descendants) {}

  private final boolean absolute;
  private final List<Segment> segments;

  Path(boolean absolute, List<Segment> segments) {
    this.absolute = absolute;
    this.segments = List.copyOf(segments);
  }

  /** Sends every match to {@code out}, in document order. */
  void select(Object root, Object current, Consumer<Object> out) {
    from(0, root, absolute ? root : current, out);
  }

  /** Every match, in document order. */
  List<Object> values(Object root, Object current) {
    List<Object> values = new ArrayList<>();
    select(root, current, values::add);
    return values;
  }

  private void from(int index, Object root, Object value, Consumer<Object> out) {
    if (index == segments.size()) {
      out.accept(value);
      return;
    }
    Segment segment = segments.get(index);
    Consumer<Object> next = v -> from(index + 1, root, v, out);
    if (segment.descendants()) {
      descend(segment.selectors(), root, value, next);
    } else {
      apply(segment.selectors(), root, value, next);
    }
  }

  /** Recursive descent: the selectors apply to the value itself, then to each child in order. */
  private static void descend(
      List<Selector> selectors, Object root, Object value, Consumer<Object> out) {
    apply(selectors, root, value, out);
    if (value instanceof Map<?, ?> map) {
      for (Object child : map.values()) {
        descend(selectors, root, child, out);
      }
    } else if (value instanceof List<?> list) {
      for (Object child : list) {
        descend(selectors, root, child, out);
      }
    }
  }

  private static void apply(
      List<Selector> selectors, Object root, Object value, Consumer<Object> out) {
    for (Selector selector : selectors) {
      selector.select(root, value, out);
    }
  }
}
