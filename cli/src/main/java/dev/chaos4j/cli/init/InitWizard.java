package dev.chaos4j.cli.init;

import dev.chaos4j.core.value.Json;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an experiment by asking questions: title, description, an optional steady-state hypothesis
 * made of discovered probes with their tolerances, the method, and rollbacks made of discovered
 * actions. Activities call the discovered functions through {@code python} providers, which chaos4j
 * runs natively when a Java extension implements them.
 */
public final class InitWizard {
  /** Marks an optional argument left to the function's own default: not written. */
  private static final Object OMITTED = new Object();

  private final List<DiscoveredActivity> activities;
  private final Prompter prompter;

  /**
   * @param activities what the discovery document offers, at least one
   * @param in the answers, one per line
   * @param out where questions go
   */
  public InitWizard(List<DiscoveredActivity> activities, BufferedReader in, PrintStream out) {
    this.activities = List.copyOf(activities);
    this.prompter = new Prompter(in, out);
  }

  /**
   * Asks every question and returns the experiment, keys in the reference's order.
   *
   * @throws InputEnded when the input ends before the last answer
   */
  public Map<String, Object> build() throws InputEnded {
    prompter.say("Let's build a new experiment.");
    Map<String, Object> experiment = new LinkedHashMap<>();
    experiment.put("title", prompter.ask("Experiment's title", null, a -> required(a, "title")));
    experiment.put(
        "description",
        prompter.ask("Experiment's description", "N/A", a -> a.isEmpty() ? "N/A" : a));
    experiment.put("tags", new ArrayList<>());

    List<DiscoveredActivity> probes =
        activities.stream().filter(DiscoveredActivity::isProbe).toList();
    List<DiscoveredActivity> actions = activities.stream().filter(a -> !a.isProbe()).toList();

    if (!probes.isEmpty() && confirm("Do you want to define a steady-state hypothesis now?")) {
      Map<String, Object> hypothesis = new LinkedHashMap<>();
      hypothesis.put("title", prompter.ask("Hypothesis's title", null, a -> required(a, "title")));
      prompter.say("Choose the probes whose results tell that your system is in a normal state.");
      hypothesis.put("probes", choose(probes, true));
      experiment.put("steady-state-hypothesis", hypothesis);
    }

    prompter.say("Now the method: the activities the experiment plays, in order.");
    experiment.put("method", choose(activities, false));

    if (!actions.isEmpty() && confirm("Do you want to add rollbacks now?")) {
      List<Object> rollbacks = choose(actions, false);
      if (!rollbacks.isEmpty()) {
        experiment.put("rollbacks", rollbacks);
      }
    }
    return experiment;
  }

  private boolean confirm(String question) throws InputEnded {
    return prompter.ask(question, "Y/n", a -> Answers.confirm(a, true));
  }

  /** Lets the user pick activities from the pool until they answer 0. */
  private List<Object> choose(List<DiscoveredActivity> pool, boolean withTolerance)
      throws InputEnded {
    List<Object> chosen = new ArrayList<>();
    while (true) {
      for (int i = 0; i < pool.size(); i++) {
        DiscoveredActivity a = pool.get(i);
        prompter.say((i + 1) + ") " + a.name() + " (" + a.type() + ", " + a.module() + ")");
      }
      int n =
          prompter.ask("Activity to add (0 when done)", "0", a -> Answers.choice(a, pool.size()));
      if (n == 0) {
        return chosen;
      }
      chosen.add(activity(pool.get(n - 1), withTolerance));
    }
  }

  private Map<String, Object> activity(DiscoveredActivity discovered, boolean withTolerance)
      throws InputEnded {
    if (!discovered.doc().isBlank()) {
      prompter.say(discovered.doc().strip());
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (DiscoveredActivity.Parameter parameter : discovered.parameters()) {
      if (parameter.injected()) {
        continue;
      }
      Object value = argument(parameter);
      if (value != OMITTED) {
        arguments.put(parameter.name(), value);
      }
    }
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("type", "python");
    provider.put("module", discovered.module());
    provider.put("func", discovered.name());
    provider.put("arguments", arguments);
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", discovered.type());
    activity.put("name", discovered.name());
    activity.put("provider", provider);
    if (withTolerance) {
      activity.put(
          "tolerance",
          prompter.ask(
              "Tolerance: what the probe returns when all is well (e.g. true, 200, [0, 10])",
              null,
              Answers::tolerance));
    }
    return activity;
  }

  private Object argument(DiscoveredActivity.Parameter parameter) throws InputEnded {
    String question =
        "Argument '"
            + parameter.name()
            + "'"
            + (parameter.type() == null ? "" : " (" + parameter.type() + ")");
    String hint;
    if (parameter.required()) {
      hint = null;
    } else if (parameter.defaultValue() == null) {
      hint = "optional";
    } else {
      hint =
          parameter.defaultValue() instanceof String s ? s : Json.compact(parameter.defaultValue());
    }
    return prompter.ask(
        question,
        hint,
        answer -> {
          if (!answer.isEmpty()) {
            return Answers.argument(answer, parameter.type());
          }
          if (parameter.required()) {
            throw new InvalidAnswer("'" + parameter.name() + "' is required");
          }
          return parameter.defaultValue() == null
              ? OMITTED
              : Json.deepCopy(parameter.defaultValue());
        });
  }

  private static String required(String answer, String what) throws InvalidAnswer {
    if (answer.isEmpty()) {
      throw new InvalidAnswer("a " + what + " is required");
    }
    return answer;
  }
}
