package dev.chaos4j.core.validation;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.MissingModule;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.run.RetryPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an experiment document with every rule of the reference, in the reference's order, and
 * returns one message per problem (the first one is the reference's first error). Independent
 * sections are all checked, so a user fixes everything in one pass; within one activity only the
 * first problem is reported, as later rules depend on earlier ones.
 */
public final class ExperimentValidator {
  private static final Log LOG = Log.of(ExperimentValidator.class);

  /** A rule over the whole document implemented elsewhere (configuration, secrets, controls). */
  @FunctionalInterface
  public interface DocumentCheck {
    /** Throws {@link ChaosException} with the reference's message on the first problem. */
    void check(Map<String, Object> experiment);
  }

  /** Checks a hypothesis probe's tolerance (messages of the tolerance rules). */
  @FunctionalInterface
  public interface ToleranceRule {
    void check(Object tolerance);
  }

  private final Providers providers;
  private final ProviderContext context;
  private final DocumentCheck configuration;
  private final DocumentCheck secrets;
  private final ToleranceRule tolerance;
  private final DocumentCheck controls;
  private final Map<String, MissingModule> missingModules = new java.util.LinkedHashMap<>();
  private static final String MODULE_PLACEHOLDER = "\u0000missing-module:";

  public ExperimentValidator(
      Providers providers,
      ProviderContext context,
      DocumentCheck configuration,
      DocumentCheck secrets,
      ToleranceRule tolerance,
      DocumentCheck controls) {
    this.providers = providers;
    this.context = context;
    this.configuration = configuration;
    this.secrets = secrets;
    this.tolerance = tolerance;
    this.controls = controls;
  }

  /** Validates the document; an empty list means valid. */
  @SuppressWarnings("unchecked")
  public List<String> validate(Object document) {
    List<String> problems = new ArrayList<>();
    if (document == null
        || (document instanceof Map<?, ?> m && m.isEmpty())
        || (document instanceof List<?> l && l.isEmpty())
        || "".equals(document)) {
      problems.add("an empty experiment is not an experiment");
      return problems;
    }
    if (!(document instanceof Map<?, ?>)) {
      problems.add(
          "an experiment must be a mapping of keys (title, description, method...), not "
              + Shapes.describe(document));
      return problems;
    }
    Map<String, Object> experiment = (Map<String, Object>) document;
    if (!Shapes.truthy(experiment.get("title"))) {
      problems.add("experiment requires a title");
    }
    if (!Shapes.truthy(experiment.get("description"))) {
      problems.add("experiment requires a description");
    }
    checkTags(experiment.get("tags"), problems);
    checkExtensions(experiment.get("extensions"), problems);
    collect(() -> configuration.check(experiment), problems);
    collect(() -> secrets.check(experiment), problems);
    checkHypothesis(experiment, problems);
    checkMethod(experiment, problems);
    checkRollbacks(experiment, problems);
    collect(() -> controls.check(experiment), problems);
    problems.replaceAll(
        p ->
            p.startsWith(MODULE_PLACEHOLDER)
                ? missingModules.get(p.substring(MODULE_PLACEHOLDER.length())).getMessage()
                : p);
    missingModules.clear();
    return problems;
  }

  /** Validates, throwing the first problem (the reference's behaviour, for API users). */
  public void ensureValid(Object document) {
    List<String> problems = validate(document);
    if (!problems.isEmpty()) {
      throw new InvalidExperiment(problems.get(0));
    }
  }

  private void collect(Runnable check, List<String> problems) {
    try {
      check.run();
    } catch (MissingModule e) {
      // one line per missing module, naming every activity that needs it
      MissingModule first = missingModules.putIfAbsent(e.module(), e);
      if (first == null) {
        problems.add(MODULE_PLACEHOLDER + e.module());
      } else {
        first.alsoNeededBy(e.activity());
      }
    } catch (ChaosException e) {
      problems.add(e.getMessage());
    }
  }

  private static void checkTags(Object tags, List<String> problems) {
    if (tags instanceof List<?> list) {
      for (Object tag : list) {
        if (!(tag instanceof String s) || s.isEmpty()) {
          problems.add("experiment tags must be a non-empty string");
          return;
        }
      }
    } else if (tags != null) {
      problems.add("experiment tags must be a list of non-empty strings");
    }
  }

  private static void checkExtensions(Object extensions, List<String> problems) {
    if (extensions instanceof List<?> list) {
      for (Object ext : list) {
        if (!(ext instanceof Map<?, ?> m) || !Shapes.truthy(m.get("name"))) {
          problems.add("All extensions require a non-empty name");
          return;
        }
      }
    } else if (extensions != null) {
      problems.add("experiment extensions must be a list of mappings, each with a name");
    }
  }

  private void checkHypothesis(Map<String, Object> experiment, List<String> problems) {
    if (!experiment.containsKey("steady-state-hypothesis")) {
      return;
    }
    Object h = experiment.get("steady-state-hypothesis");
    if (h == null) {
      return;
    }
    if (!(h instanceof Map<?, ?> hypothesis)) {
      problems.add("the steady-state-hypothesis must be a mapping with a title and probes");
      return;
    }
    if (!Shapes.truthy(hypothesis.get("title"))) {
      problems.add("hypothesis requires a title");
    }
    Object probes = hypothesis.get("probes");
    if (probes == null || (probes instanceof List<?> l && l.isEmpty())) {
      return;
    }
    if (!(probes instanceof List<?> list)) {
      problems.add("hypothesis probes must be a list of probe activities");
      return;
    }
    int index = 0;
    for (Object probe : list) {
      String where = "steady-state-hypothesis.probes[" + index++ + "]";
      collect(
          () -> {
            checkActivity(probe, where);
            Map<?, ?> p = (Map<?, ?>) probe;
            // Deliberate difference: a probe without tolerance is accepted (met when it
            // succeeds), as older experiments such as the Toxiproxy tutorial's rely on it.
            if (p.containsKey("tolerance")) {
              Object t = p.get("tolerance");
              tolerance.check(t);
              if (t instanceof Map<?, ?> m && "probe".equals(m.get("type"))) {
                checkActivity(t, where + ".tolerance");
              }
            }
          },
          problems);
    }
  }

  private void checkMethod(Map<String, Object> experiment, List<String> problems) {
    Object method = experiment.get("method");
    if (method == null) {
      problems.add(
          "an experiment requires a method, which can be empty for only checking steady state"
              + " hypothesis ");
      return;
    }
    if (!(method instanceof List<?> list)) {
      problems.add("the method must be a list of activities, not " + Shapes.describe(method));
      return;
    }
    Set<String> names = namesOfReferencable(experiment);
    int index = 0;
    for (Object activity : list) {
      String where = "method[" + index++ + "]";
      collect(
          () -> {
            checkActivity(activity, where);
            Object ref = ((Map<?, ?>) activity).get("ref");
            if (ref != null && !names.contains(ref)) {
              throw new InvalidActivity(
                  "referenced activity '" + ref + "' could not be found in the experiment");
            }
          },
          problems);
    }
  }

  private void checkRollbacks(Map<String, Object> experiment, List<String> problems) {
    Object rollbacks = experiment.get("rollbacks");
    if (rollbacks == null) {
      return;
    }
    if (!(rollbacks instanceof List<?> list)) {
      problems.add("rollbacks must be a list of activities, not " + Shapes.describe(rollbacks));
      return;
    }
    Set<String> names = namesOfReferencable(experiment);
    int index = 0;
    for (Object activity : list) {
      String where = "rollbacks[" + index++ + "]";
      collect(() -> checkActivity(activity, where), problems);
      // the reference does not check rollback refs; a warning now beats a failed rollback later
      if (activity instanceof Map<?, ?> m
          && m.get("ref") instanceof String ref
          && !ref.isEmpty()
          && !names.contains(ref)) {
        LOG.warning(
            "rollback "
                + where
                + " refers to '"
                + ref
                + "', which no hypothesis probe or method activity is named: it will fail at run"
                + " time");
      }
    }
  }

  /** The names a {@code ref} may point at: hypothesis probes and method activities. */
  private static Set<String> namesOfReferencable(Map<String, Object> experiment) {
    Set<String> names = new HashSet<>();
    if (experiment.get("steady-state-hypothesis") instanceof Map<?, ?> h
        && h.get("probes") instanceof List<?> probes) {
      addNames(probes, names);
    }
    if (experiment.get("method") instanceof List<?> method) {
      addNames(method, names);
    }
    return names;
  }

  private static void addNames(List<?> activities, Set<String> names) {
    for (Object o : activities) {
      if (o instanceof Map<?, ?> m && m.get("name") instanceof String name) {
        names.add(name);
      }
    }
  }

  /**
   * Checks one activity declared outside the experiment's lists (a control's safeguard probe, say)
   * with the activity rules and its provider's own.
   *
   * @throws InvalidActivity on the first problem
   */
  public void checkActivity(Map<String, Object> activity) {
    checkActivity(activity, "activity '" + activity.get("name") + "'");
  }

  /** The reference's activity rules, then the provider's own. */
  private void checkActivity(Object item, String where) {
    if (item == null
        || (item instanceof Map<?, ?> m && m.isEmpty())
        || (item instanceof List<?> l && l.isEmpty())
        || "".equals(item)) {
      throw new InvalidActivity("empty activity is no activity");
    }
    if (!(item instanceof Map<?, ?>)) {
      throw new InvalidActivity(
          where + " must be an activity (a mapping), not " + Shapes.describe(item));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> activity = (Map<String, Object>) item;
    if (activity.containsKey("ref") && activity.get("ref") != null) {
      Object ref = activity.get("ref");
      if (!(ref instanceof String s) || s.isEmpty()) {
        throw new InvalidActivity("reference to activity must be non-empty strings");
      }
      return;
    }
    Object type = activity.get("type");
    if (!Shapes.truthy(type)) {
      throw new InvalidActivity("an activity must have a type");
    }
    if (!"probe".equals(type) && !"action".equals(type)) {
      throw new InvalidActivity("'" + type + "' is not a supported activity type");
    }
    if (!Shapes.truthy(activity.get("name"))) {
      throw new InvalidActivity("an activity must have a name");
    }
    Object provider = activity.get("provider");
    if (!Shapes.truthy(provider)) {
      throw new InvalidActivity("an activity requires a provider");
    }
    if (!(provider instanceof Map<?, ?> p)) {
      throw new InvalidActivity(
          "the provider of activity '" + activity.get("name") + "' must be a mapping");
    }
    Object providerType = p.get("type");
    if (!Shapes.truthy(providerType)) {
      throw new InvalidActivity("a provider must have a type");
    }
    if (!(providerType instanceof String s) || !providers.types().contains(s)) {
      throw new InvalidActivity("unknown provider type '" + providerType + "'");
    }
    Object timeout = activity.get("timeout");
    if (timeout != null && !Shapes.isNumber(timeout)) {
      throw new InvalidActivity("activity timeout must be a number");
    }
    Object pauses = activity.get("pauses");
    if (pauses instanceof Map<?, ?> pm) {
      checkPause(pm.get("before"), "before");
      checkPause(pm.get("after"), "after");
    }
    if (activity.containsKey("background") && !(activity.get("background") instanceof Boolean)) {
      throw new InvalidActivity("activity background must be a boolean");
    }
    // an extension: the reference ignores the key, so it is only checked when present
    RetryPolicy.of(activity);
    providers.validate(activity, context);
  }

  private static void checkPause(Object value, String which) {
    if (value == null || Shapes.isNumber(value)) {
      return;
    }
    if (value instanceof String s && s.startsWith("${") && s.endsWith("}")) {
      return;
    }
    throw new InvalidActivity(
        "activity "
            + which
            + " pause must be a number or a pattern to a variable from the configuration or"
            + " secrets");
  }
}
