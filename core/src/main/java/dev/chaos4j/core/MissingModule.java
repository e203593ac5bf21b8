package dev.chaos4j.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A python provider names a module that neither chaos4j (in Java) nor python3 can load. The
 * validator reports one line per module, naming every activity that needs it.
 */
public class MissingModule extends InvalidActivity {
  private static final long serialVersionUID = 1L;

  private final String module;
  private final List<String> activities = new ArrayList<>();
  private final String reason;

  /**
   * @param module the Python module path
   * @param activity the name of the activity that uses it
   * @param reason why it cannot be loaded, and what exists instead
   */
  public MissingModule(String module, String activity, String reason) {
    super(render(module, List.of(activity), reason));
    this.module = module;
    this.activities.add(activity);
    this.reason = reason;
  }

  public String module() {
    return module;
  }

  /** The first activity found needing the module. */
  public String activity() {
    return activities.get(0);
  }

  /** Records another activity needing the same module. */
  public void alsoNeededBy(String activity) {
    if (!activities.contains(activity)) {
      activities.add(activity);
    }
  }

  /** The message naming every activity that needs the module. */
  @Override
  public String getMessage() {
    return activities == null ? super.getMessage() : render(module, activities, reason);
  }

  private static String render(String module, List<String> activities, String reason) {
    StringBuilder names = new StringBuilder();
    for (String a : activities) {
      names.append(names.length() == 0 ? "'" : ", '").append(a).append('\'');
    }
    return "could not find Python module '"
        + module
        + "' in activit"
        + (activities.size() == 1 ? "y " : "ies ")
        + names
        + ": "
        + reason;
  }
}
