package dev.chaos4j.core.control.internal;

import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which declared controls apply at a level, in the order they run (the reference's {@code
 * get_context_controls}, each control once):
 *
 * <ul>
 *   <li>global controls first, at every level;
 *   <li>{@link Control.Level#EXPERIMENT}: then every top-level control of the experiment;
 *   <li>{@link Control.Level#METHOD}, {@link Control.Level#ROLLBACK}: then the top-level controls
 *       whose {@code automatic} is not false;
 *   <li>{@link Control.Level#HYPOTHESIS}, {@link Control.Level#ACTIVITY}: then the automatic
 *       top-level controls that the context does not redeclare by name, the context's own controls,
 *       and the top-level controls its {@code ref} entries name;
 *   <li>{@link Control.Level#LOADER}: the global controls only.
 * </ul>
 *
 * {@code ref} entries themselves are not in the result; {@code scope} is left to the caller.
 */
public final class ControlSelection {
  private ControlSelection() {}

  /**
   * @param globals the global controls' declarations, in order
   * @param experiment the experiment, or null (loading)
   * @param context the level's context: the experiment, the hypothesis or the activity
   */
  public static List<Map<String, Object>> select(
      Control.Level level,
      List<Map<String, Object>> globals,
      Map<String, Object> experiment,
      Object context) {
    if (level == Control.Level.LOADER || experiment == null) {
      return globals;
    }
    List<Map<String, Object>> top = declared(experiment);
    Set<Map<String, Object>> added = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Map<String, Object>> out = new ArrayList<>(globals);
    added.addAll(globals);
    switch (level) {
      case EXPERIMENT -> {
        for (Map<String, Object> c : top) {
          if (!isRef(c)) {
            add(c, out, added);
          }
        }
        addReferenced(top, top, out, added);
      }
      case METHOD, ROLLBACK -> {
        for (Map<String, Object> c : top) {
          if (!isRef(c) && automatic(c)) {
            add(c, out, added);
          }
        }
      }
      default -> {
        List<Map<String, Object>> own =
            context instanceof Map<?, ?> m ? declared(m) : List.<Map<String, Object>>of();
        Set<Object> redeclared = new HashSet<>();
        for (Map<String, Object> c : own) {
          if (!isRef(c)) {
            redeclared.add(c.get("name"));
          }
        }
        for (Map<String, Object> c : top) {
          if (!isRef(c) && automatic(c) && !redeclared.contains(c.get("name"))) {
            add(c, out, added);
          }
        }
        for (Map<String, Object> c : own) {
          if (!isRef(c)) {
            add(c, out, added);
          }
        }
        addReferenced(own, top, out, added);
      }
    }
    return out;
  }

  /** The control declarations (mappings) of an experiment, hypothesis or activity. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> declared(Map<?, ?> holder) {
    if (!(holder.get("controls") instanceof List<?> list) || list.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(list.size());
    for (Object c : list) {
      if (c instanceof Map<?, ?> m) {
        out.add((Map<String, Object>) m);
      }
    }
    return out;
  }

  /** Whether the declaration only points at a top-level control. */
  public static boolean isRef(Map<String, Object> declaration) {
    return declaration.get("ref") != null;
  }

  private static boolean automatic(Map<String, Object> declaration) {
    return !declaration.containsKey("automatic") || Py.truthy(declaration.get("automatic"));
  }

  private static void addReferenced(
      List<Map<String, Object>> from,
      List<Map<String, Object>> top,
      List<Map<String, Object>> out,
      Set<Map<String, Object>> added) {
    for (Map<String, Object> c : from) {
      if (!isRef(c)) {
        continue;
      }
      for (Map<String, Object> t : top) {
        if (!isRef(t) && Objects.equals(c.get("ref"), t.get("name"))) {
          add(t, out, added);
          break;
        }
      }
    }
  }

  private static void add(
      Map<String, Object> c, List<Map<String, Object>> out, Set<Map<String, Object>> added) {
    if (added.add(c)) {
      out.add(c);
    }
  }
}
