package dev.chaos4j.core.control;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidControl;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.control.internal.ControlSelection;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.run.Interruption;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The controls of one run, as the run loop applies them: {@link #configure} at the start, {@link
 * #before} and {@link #after} around each level, {@link #afterExperiment} and {@link #cleanup} at
 * the end. Which controls apply where is {@link ControlSelection}'s; a control's {@code scope}
 * restricts it to one side.
 *
 * <p>A control that throws {@link InterruptExecution} interrupts the run: the request is recorded
 * in the run's {@link Interruption} (kind {@link Interruption.Kind#REQUEST}) and the exception goes
 * on to the run loop. Anything else a control throws is logged and ignored.
 */
public final class RunControls {
  private static final Log LOG = Log.of(RunControls.class);

  private enum Hook {
    CONFIGURE,
    BEFORE,
    AFTER
  }

  private final Map<String, Object> experiment;
  private final Map<String, Object> configuration;
  private final Map<String, Object> secrets;
  private final Map<String, Object> settings;
  private final ControlRuntime runtime;
  private final Interruption interruption;
  private final ControlLoader loader;
  private final boolean idle;

  /** The global controls still applied (a failing configure removes one), by declaration. */
  private final Map<Map<String, Object>, Control> globals = new IdentityHashMap<>();

  private volatile List<Map<String, Object>> globalDeclarations;

  /** The experiment's controls by name and implementation; empty when nothing implements one. */
  private final Map<String, Optional<Control>> instances = new HashMap<>();

  /**
   * @param globals the global controls and the loader of the experiment's own
   * @param experiment the experiment, whose controls are read as the run goes
   * @param configuration the run's live configuration
   * @param secrets the run's live secrets
   * @param settings the settings' content
   * @param runtime what the run offers Java controls
   * @param interruption where a control's interruption is recorded
   */
  public RunControls(
      GlobalControls globals,
      Map<String, Object> experiment,
      Map<String, Object> configuration,
      Map<String, Object> secrets,
      Map<String, Object> settings,
      ControlRuntime runtime,
      Interruption interruption) {
    this.experiment = experiment;
    this.configuration = configuration;
    this.secrets = secrets;
    this.settings = settings;
    this.runtime = runtime;
    this.interruption = interruption;
    this.loader = globals.loader();
    for (GlobalControls.Entry entry : globals.entries()) {
      this.globals.put(entry.declaration(), entry.control());
    }
    this.globalDeclarations = globals.declarations();
    this.idle = this.globals.isEmpty() && declaredInExperiment().isEmpty();
  }

  /**
   * Calls {@code configure} of every global control (one that fails is not applied during the run)
   * then of every experiment control, once per name (one that fails is still applied, as in the
   * reference).
   */
  public void configure() {
    if (idle) {
      return;
    }
    LOG.debug("Initializing controls");
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> declaration : globalDeclarations) {
      Throwable failure =
          invoke(globals.get(declaration), configureCall(declaration, settings), Hook.CONFIGURE);
      if (failure == null) {
        kept.add(declaration);
      } else {
        LOG.warning(
            "Global control '"
                + declaration.get("name")
                + "' failed to configure itself, so it is not applied: "
                + describe(failure));
        LOG.debug("configure failure", failure);
        globals.remove(declaration);
      }
    }
    globalDeclarations = List.copyOf(kept);
    Set<Object> seen = new HashSet<>();
    for (Map<String, Object> declaration : declaredInExperiment()) {
      if (ControlSelection.isRef(declaration) || !seen.add(declaration.get("name"))) {
        continue;
      }
      Control control = instance(declaration);
      Throwable failure =
          control == null
              ? null
              : invoke(control, configureCall(declaration, null), Hook.CONFIGURE);
      if (failure != null) {
        LOG.warning(
            "Control '"
                + declaration.get("name")
                + "' failed to configure itself: "
                + describe(failure));
        LOG.debug("configure failure", failure);
      }
    }
  }

  /**
   * Applies the before hooks of a level.
   *
   * @throws InterruptExecution when a control interrupts the run
   */
  public void before(Control.Level level, Object context) {
    apply(level, Hook.BEFORE, context, null, interruption);
  }

  /**
   * Applies the after hooks of a level.
   *
   * @throws InterruptExecution when a control interrupts the run
   */
  public void after(Control.Level level, Object context, Object state) {
    apply(level, Hook.AFTER, context, state, interruption);
  }

  /**
   * Applies the after hooks of the experiment level, with the journal as state; the run is over, so
   * an interruption is only logged.
   */
  public void afterExperiment(Map<String, Object> journal) {
    try {
      apply(Control.Level.EXPERIMENT, Hook.AFTER, experiment, journal, null);
    } catch (InterruptExecution e) {
      LOG.debug("A control interrupted the end of the experiment: " + e.getMessage());
    }
  }

  /**
   * Calls {@code cleanup} of the experiment's controls (once per name), then of the global ones.
   */
  public void cleanup() {
    if (idle) {
      return;
    }
    LOG.debug("Cleaning up controls");
    Set<Object> seen = new HashSet<>();
    for (Map<String, Object> declaration : declaredInExperiment()) {
      if (!ControlSelection.isRef(declaration) && seen.add(declaration.get("name"))) {
        cleanup(instance(declaration), declaration);
      }
    }
    for (Map<String, Object> declaration : globalDeclarations) {
      cleanup(globals.get(declaration), declaration);
    }
  }

  private static void cleanup(Control control, Map<String, Object> declaration) {
    if (control == null) {
      return;
    }
    boolean interrupted = Thread.interrupted();
    try {
      control.cleanup();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.warning("Cleanup of control '" + declaration.get("name") + "' failed: " + describe(e));
      LOG.debug("cleanup failure", e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void apply(
      Control.Level level, Hook hook, Object context, Object state, Interruption interruption) {
    if (idle) {
      return;
    }
    boolean before = hook == Hook.BEFORE;
    for (Map<String, Object> declaration :
        ControlSelection.select(level, globalDeclarations, experiment, context)) {
      if (!inScope(declaration, before)) {
        continue;
      }
      Control control = globals.get(declaration);
      if (control == null) {
        control = instance(declaration);
        if (control == null) {
          continue;
        }
      }
      ControlCall call =
          new ControlCall(
              Py.str(declaration.get("name")),
              level,
              context,
              state,
              arguments(declaration, configuration, secrets),
              experiment,
              configuration,
              secrets,
              settings,
              runtime);
      invoke(control, call, before, interruption);
    }
  }

  private ControlCall configureCall(Map<String, Object> declaration, Map<String, Object> settings) {
    return new ControlCall(
        Py.str(declaration.get("name")),
        null,
        null,
        null,
        arguments(declaration, null, null),
        experiment,
        configuration,
        secrets,
        settings,
        runtime);
  }

  /** The implementation of an experiment control, created once per name and implementation. */
  private Control instance(Map<String, Object> declaration) {
    String key = key(declaration);
    synchronized (instances) {
      Optional<Control> known = instances.get(key);
      if (known == null) {
        try {
          known = loader.load(declaration);
        } catch (InvalidControl e) {
          LOG.warning(e.getMessage() + "; the control is not applied");
          known = Optional.empty();
        }
        if (known.isEmpty()) {
          LOG.debug(
              "Control '"
                  + declaration.get("name")
                  + "' is not applied: "
                  + unavailable(declaration));
        }
        instances.put(key, known);
      }
      return known.orElse(null);
    }
  }

  private static String key(Map<String, Object> declaration) {
    Map<?, ?> provider =
        declaration.get("provider") instanceof Map<?, ?> p ? p : Map.<String, Object>of();
    return Py.str(declaration.get("name"))
        + '\u0000'
        + provider.get("type")
        + '\u0000'
        + provider.get("module")
        + '\u0000'
        + provider.get("class")
        + '\u0000'
        + provider.get("classpath");
  }

  /** Every control declared in the experiment: top level, hypothesis, then each activity's. */
  private List<Map<String, Object>> declaredInExperiment() {
    List<Map<String, Object>> out = new ArrayList<>(ControlSelection.declared(experiment));
    if (experiment.get("steady-state-hypothesis") instanceof Map<?, ?> h) {
      out.addAll(ControlSelection.declared(h));
      activities(h.get("probes"), out);
    }
    activities(experiment.get("method"), out);
    activities(experiment.get("rollbacks"), out);
    return out;
  }

  private static void activities(Object list, List<Map<String, Object>> out) {
    if (list instanceof List<?> activities) {
      for (Object a : activities) {
        if (a instanceof Map<?, ?> m) {
          out.addAll(ControlSelection.declared(m));
        }
      }
    }
  }

  /** Whether a control applies on this side ({@code scope} absent or naming it). */
  static boolean inScope(Map<String, Object> declaration, boolean before) {
    Object scope = declaration.get("scope");
    return !Py.truthy(scope) || scope.equals(before ? "before" : "after");
  }

  /** A copy of the declaration's arguments, substituted when there is anything to substitute. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> arguments(
      Map<String, Object> declaration,
      Map<String, Object> configuration,
      Map<String, Object> secrets) {
    Object arguments =
        declaration.get("provider") instanceof Map<?, ?> p ? p.get("arguments") : null;
    if (!(arguments instanceof Map<?, ?> m)) {
      return new LinkedHashMap<>();
    }
    Map<String, Object> copy = Json.deepCopy((Map<String, Object>) m);
    boolean substitute =
        (configuration != null && !configuration.isEmpty())
            || (secrets != null && !secrets.isEmpty());
    return substitute
        ? (Map<String, Object>) Substitution.apply(copy, configuration, secrets)
        : copy;
  }

  /** Why nothing implements a declaration, for messages. */
  static String unavailable(Map<String, Object> declaration) {
    Map<?, ?> provider =
        declaration.get("provider") instanceof Map<?, ?> p ? p : Map.<String, Object>of();
    if ("python".equals(provider.get("type"))) {
      return "module '"
          + provider.get("module")
          + "' has no Java implementation and Python cannot import it";
    }
    return "provider type '" + provider.get("type") + "' is not one chaos4j runs controls of";
  }

  private Throwable invoke(Control control, ControlCall call, Hook hook) {
    return invoke(control, call, hook, interruption);
  }

  /** Runs a before or after hook with the reference's error semantics. */
  static void invoke(Control control, ControlCall call, boolean before, Interruption interruption) {
    invoke(control, call, before ? Hook.BEFORE : Hook.AFTER, interruption);
  }

  /**
   * Runs one hook. The thread's interrupt flag is set aside meanwhile, so that hooks called while
   * the run stops (after hooks, mostly) can still do their work, and put back afterwards. A failing
   * before or after hook is logged here; a failing configure is the caller's to report.
   *
   * @return null when the hook ended normally, else what it threw
   * @throws InterruptExecution when a before or after hook interrupts the run
   */
  private static Throwable invoke(
      Control control, ControlCall call, Hook hook, Interruption interruption) {
    boolean interrupted = Thread.interrupted();
    try {
      switch (hook) {
        case CONFIGURE -> control.configure(call);
        case BEFORE -> control.before(call);
        case AFTER -> control.after(call);
      }
      return null;
    } catch (InterruptExecution e) {
      if (hook == Hook.CONFIGURE) {
        return e;
      }
      LOG.debug(side(hook) + "-control '" + call.name() + "' interrupted the execution", e);
      if (interruption != null && !interruption.requested()) {
        interruption.request(Interruption.Kind.REQUEST, describe(e));
      }
      throw e;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        interrupted = true;
      }
      if (hook != Hook.CONFIGURE) {
        LOG.warning(
            side(hook)
                + "-control '"
                + call.name()
                + "' failed on "
                + call.level()
                + ": "
                + describe(e));
        LOG.debug("control failure", e);
      }
      return e;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String side(Hook hook) {
    return hook == Hook.BEFORE ? "Before" : "After";
  }

  private static String describe(Throwable e) {
    if (e instanceof ChaosException && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
