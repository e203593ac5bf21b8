package dev.chaos4j.core.control.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Makes a JSON tree equal to another one while keeping its maps and lists (the run holds on to
 * them: the journal shares the experiment's lists, the loop iterates the method). This is how the
 * changes a Python control makes to its copies reach the run, as if it had changed the originals.
 */
public final class InPlace {
  private InPlace() {}

  /**
   * Updates {@code target} to equal {@code source}: nested maps and lists that exist on both sides
   * are updated in place, anything else replaced. Does nothing unless both are maps or both lists.
   */
  @SuppressWarnings("unchecked")
  public static void update(Object target, Object source) {
    if (target instanceof Map<?, ?> t && source instanceof Map<?, ?> s) {
      updateMap((Map<String, Object>) t, (Map<String, Object>) s);
    } else if (target instanceof List<?> t && source instanceof List<?> s) {
      synchronized (t) {
        updateList((List<Object>) t, (List<Object>) s);
      }
    }
  }

  private static void updateMap(Map<String, Object> target, Map<String, Object> source) {
    for (Iterator<String> keys = target.keySet().iterator(); keys.hasNext(); ) {
      if (!source.containsKey(keys.next())) {
        keys.remove();
      }
    }
    for (Map.Entry<String, Object> e : source.entrySet()) {
      Object current = target.get(e.getKey());
      if (sameShape(current, e.getValue())) {
        update(current, e.getValue());
      } else {
        target.put(e.getKey(), e.getValue());
      }
    }
  }

  private static void updateList(List<Object> target, List<Object> source) {
    int common = Math.min(target.size(), source.size());
    for (int i = 0; i < common; i++) {
      Object current = target.get(i);
      if (sameShape(current, source.get(i))) {
        update(current, source.get(i));
      } else {
        target.set(i, source.get(i));
      }
    }
    while (target.size() > source.size()) {
      target.remove(target.size() - 1);
    }
    for (int i = common; i < source.size(); i++) {
      target.add(source.get(i));
    }
  }

  private static boolean sameShape(Object a, Object b) {
    return (a instanceof Map<?, ?> && b instanceof Map<?, ?>)
        || (a instanceof List<?> && b instanceof List<?>);
  }
}
