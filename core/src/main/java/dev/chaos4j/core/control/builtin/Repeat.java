package dev.chaos4j.core.control.builtin;

import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.control.ControlCall;
import dev.chaos4j.core.control.ControlModule;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code chaosaddons.controls.repeat} control: runs an activity {@code repeat_count} times in
 * all, and with {@code break_if_previous_iteration_failed} stops at the first iteration that fails
 * to run (a failed status, not an unwanted output).
 *
 * <pre>{@code
 * "controls": [{"name": "repeat-me", "provider": {"type": "python",
 *   "module": "chaosaddons.controls.repeat", "arguments": {"repeat_count": 3}}}]
 * }</pre>
 *
 * <p>As the reference's add-on, each further iteration is a copy of the activity, with an {@code
 * iteration_index} (1, 2...), placed right after it in the experiment's list (hypothesis probes,
 * method or rollbacks), so it runs next, gets its own journal entry and shows in the journal's
 * experiment. Copies are added one at a time, after each iteration, so a failed iteration can end
 * the repetition; a copy already in place from an earlier evaluation (a hypothesis evaluated before
 * and after the method) is reused, not added again.
 */
public final class Repeat implements Control {
  /** The reference's module name. */
  public static final String MODULE = "chaosaddons.controls.repeat";

  private static final Log LOG = Log.of(Repeat.class);
  private static final String INDEX = "iteration_index";

  /** Registers {@link Repeat} under {@link #MODULE}. */
  public static final class Module implements ControlModule {
    @Override
    public String module() {
      return MODULE;
    }

    @Override
    public Control create() {
      return new Repeat();
    }
  }

  @Override
  public void after(ControlCall call) {
    Map<String, Object> activity = call.contextMap();
    Map<String, Object> run = call.stateMap();
    if (call.level() != Level.ACTIVITY || activity == null || run == null) {
      return;
    }
    long count = count(call.arguments().get("repeat_count"));
    if (count < 2) {
      LOG.debug("Do not repeat '" + activity.get("name") + "': repeat_count is less than 2");
      return;
    }
    long index = activity.get(INDEX) instanceof Number n ? n.longValue() : 0;
    boolean failed = !"succeeded".equals(run.get("status"));
    boolean stop =
        index + 1 >= count
            || (failed && Py.truthy(call.arguments().get("break_if_previous_iteration_failed")));
    if (stop && index + 1 < count) {
      LOG.info(
          "Iteration "
              + (index + 1)
              + " of '"
              + activity.get("name")
              + "' failed, so it is not repeated further");
    }
    for (List<Object> list : lists(call.experiment())) {
      synchronized (list) {
        int position = position(list, activity);
        if (position < 0) {
          continue;
        }
        if (stop) {
          dropLaterIterations(list, position, activity);
        } else if (!isIteration(at(list, position + 1), activity, index + 1)) {
          Map<String, Object> next = Json.deepCopy(activity);
          next.put(INDEX, index + 1);
          list.add(position + 1, next);
          LOG.debug("Repeat '" + activity.get("name") + "': iteration " + (index + 2) + " next");
        }
      }
    }
  }

  /** The experiment's activity lists: hypothesis probes, method, rollbacks. */
  @SuppressWarnings("unchecked")
  private static List<List<Object>> lists(Map<String, Object> experiment) {
    List<List<Object>> lists = new ArrayList<>();
    if (experiment == null) {
      return lists;
    }
    if (experiment.get("steady-state-hypothesis") instanceof Map<?, ?> h
        && h.get("probes") instanceof List<?> probes) {
      lists.add((List<Object>) probes);
    }
    for (String key : List.of("method", "rollbacks")) {
      if (experiment.get(key) instanceof List<?> list) {
        lists.add((List<Object>) list);
      }
    }
    return lists;
  }

  /** Where the activity is: itself if it is in the list, else the first one of its name. */
  private static int position(List<Object> list, Map<String, Object> activity) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == activity) {
        return i;
      }
    }
    if (activity.containsKey(INDEX)) {
      return -1;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> m
          && Objects.equals(m.get("name"), activity.get("name"))) {
        return i;
      }
    }
    return -1;
  }

  private static Object at(List<Object> list, int i) {
    return i < list.size() ? list.get(i) : null;
  }

  private static boolean isIteration(Object item, Map<String, Object> activity, long index) {
    return item instanceof Map<?, ?> m
        && Objects.equals(m.get("name"), activity.get("name"))
        && m.get(INDEX) instanceof Number n
        && n.longValue() == index;
  }

  /** Removes the copies an earlier evaluation left after this iteration. */
  private static void dropLaterIterations(
      List<Object> list, int position, Map<String, Object> activity) {
    long index = activity.get(INDEX) instanceof Number n ? n.longValue() : 0;
    while (isIteration(at(list, position + 1), activity, index + 1)) {
      list.remove(position + 1);
      index++;
    }
  }

  private static long count(Object value) {
    if (Py.isInt(value)) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      return (long) n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        LOG.warning("repeat_count must be a whole number, not " + Py.repr(s) + "; not repeating");
      }
    }
    return 0;
  }
}
