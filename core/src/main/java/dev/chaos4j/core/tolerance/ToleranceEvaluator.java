package dev.chaos4j.core.tolerance;

import static dev.chaos4j.core.tolerance.PythonText.show;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.jsonpath.JsonPath;
import dev.chaos4j.core.jsonpath.JsonPathException;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tells whether a steady-state probe's output is within its tolerance, with the reference's rules
 * (Python semantics: {@code 1 == True}, a mapping never equals a boolean...).
 *
 * <table>
 *   <caption>Tolerances and when they are met</caption>
 *   <tr><th>tolerance</th><th>met when</th></tr>
 *   <tr><td>boolean, string</td><td>the output equals it</td></tr>
 *   <tr><td>integer</td><td>the output's {@code status} equals it when the output is a mapping
 *       with a status (process, HTTP), else the output equals it</td></tr>
 *   <tr><td>list</td><td>the output's {@code status} is in it; else, for two elements, the output
 *       is within them (inclusive); else the output is in it</td></tr>
 *   <tr><td>{@code regex}</td><td>the pattern (Python syntax) is found in the output or in its
 *       {@code target} key</td></tr>
 *   <tr><td>{@code jsonpath}</td><td>the path selects something in the output or its {@code
 *       target} (a string is read as JSON when it is JSON); {@code count} sets how many values,
 *       {@code expect} which ones</td></tr>
 *   <tr><td>{@code range}</td><td>the output or its {@code target}, read as a decimal number (strings
 *       included), is within the range (inclusive)</td></tr>
 *   <tr><td>{@code probe}</td><td>the probe, run with {@code arguments.value} set to the output,
 *       returns a truthy value and does not fail</td></tr>
 * </table>
 *
 * <p>Substituted, as in the reference: a string tolerance (which may then become another kind), a
 * regex {@code pattern}, a jsonpath {@code path} and {@code expect}. Nothing else.
 *
 * <p>Where the reference crashes (a regex on a mapping, a pattern substituted into an invalid one,
 * a number that cannot be compared...), the tolerance is simply not met and the explanation says
 * why.
 */
public final class ToleranceEvaluator {
  private ToleranceEvaluator() {}

  /**
   * Checks a probe's output against its tolerance.
   *
   * @param tolerance the tolerance as written in the experiment (validated or not)
   * @param output the probe's output
   * @param substitution the run's {@code ${name}} substitution
   * @param probeRunner runs the probe of a {@code probe} tolerance
   * @throws RuntimeException whatever {@code probeRunner} throws other than {@link ActivityFailed}
   */
  public static ToleranceResult evaluate(
      Object tolerance, Object output, Substitution substitution, ProbeRunner probeRunner) {
    Objects.requireNonNull(substitution, "substitution");
    Objects.requireNonNull(probeRunner, "probeRunner");
    Object resolved = tolerance instanceof String s ? substitution.string(s) : tolerance;
    if (resolved instanceof Boolean expected) {
      return equality(expected, output);
    }
    if (Py.isInt(resolved)) {
      return integer(resolved, output);
    }
    if (resolved instanceof String expected) {
      return equality(expected, output);
    }
    if (resolved instanceof List<?> list) {
      return list(list, output);
    }
    if (resolved instanceof Map<?, ?> map) {
      return mapping(map, output, substitution, probeRunner);
    }
    return ToleranceResult.notMet(
        "tolerance " + show(resolved) + " is not supported (" + Py.typeName(resolved) + ")");
  }

  private static ToleranceResult equality(Object expected, Object output) {
    boolean met = Py.eq(output, expected);
    return ToleranceResult.of(
        met, () -> "expected " + show(expected) + ", got " + show(output) + hint(expected, output));
  }

  /** Why a boolean or string tolerance cannot match a process or HTTP result. */
  private static String hint(Object expected, Object output) {
    if (!(output instanceof Map<?, ?> map) || !map.containsKey("status")) {
      return "";
    }
    return expected instanceof Boolean
        ? " (a boolean never equals a process or HTTP result: use the expected status instead)"
        : " (a string is compared with the whole result, not its status: use a number)";
  }

  private static ToleranceResult integer(Object expected, Object output) {
    if (output instanceof Map<?, ?> map && map.containsKey("status")) {
      Object status = map.get("status");
      return ToleranceResult.of(
          Py.eq(status, expected),
          () -> "expected status " + show(expected) + ", got " + show(status));
    }
    return equality(expected, output);
  }

  private static ToleranceResult list(List<?> tolerance, Object output) {
    if (output instanceof Map<?, ?> map && map.containsKey("status")) {
      Object status = map.get("status");
      return ToleranceResult.of(
          contains(tolerance, status),
          () -> "expected status in " + show(tolerance) + ", got " + show(status));
    }
    if (tolerance.size() == 2) {
      return between(tolerance, output);
    }
    return ToleranceResult.of(
        contains(tolerance, output),
        () -> "expected one of " + show(tolerance) + ", got " + show(output));
  }

  private static boolean contains(List<?> values, Object value) {
    for (Object v : values) {
      if (Py.eq(v, value)) {
        return true;
      }
    }
    return false;
  }

  /** Python's {@code tol[0] <= output <= tol[1]}, evaluated left to right. */
  private static ToleranceResult between(List<?> bounds, Object output) {
    Supplier<String> expected =
        () -> "expected a value within " + show(bounds) + ", got " + show(output);
    try {
      boolean met =
          Py.compare(bounds.get(0), output) <= 0 && Py.compare(output, bounds.get(1)) <= 0;
      return ToleranceResult.of(met, expected);
    } catch (IllegalArgumentException e) {
      return ToleranceResult.notMet(expected.get() + " (" + e.getMessage() + ")");
    }
  }

  private static ToleranceResult mapping(
      Map<?, ?> tolerance, Object output, Substitution substitution, ProbeRunner runner) {
    Object type = tolerance.get("type");
    if ("probe".equals(type)) {
      return probe(tolerance, output, runner);
    }
    if ("regex".equals(type)) {
      return regex(tolerance, output, substitution);
    }
    if ("jsonpath".equals(type)) {
      return jsonPath(tolerance, output, substitution);
    }
    if ("range".equals(type)) {
      return range(tolerance, output);
    }
    return ToleranceResult.notMet("tolerance type '" + Py.str(type) + "' is unsupported");
  }

  private static ToleranceResult regex(
      Map<?, ?> tolerance, Object output, Substitution substitution) {
    Object pattern = substitution.apply(tolerance.get("pattern"));
    if (!(pattern instanceof String text)) {
      return ToleranceResult.notMet("regex pattern " + show(pattern) + " is not a string");
    }
    Pattern compiled;
    try {
      compiled = PythonRegex.compile(text);
    } catch (PatternSyntaxException e) {
      return ToleranceResult.notMet(
          "regex pattern " + show(text) + " is invalid: " + e.getDescription());
    }
    Target target = Target.of(output, tolerance.get("target"));
    String expected = "expected " + target.label() + " to match regex " + show(text);
    if (!(target.value() instanceof String value)) {
      return ToleranceResult.notMet(
          expected + ", got " + show(target.value()) + ", which is not a string" + target.note());
    }
    return ToleranceResult.of(
        compiled.matcher(value).find(), () -> expected + ", got " + show(value) + target.note());
  }

  private static ToleranceResult jsonPath(
      Map<?, ?> tolerance, Object output, Substitution substitution) {
    Object path = substitution.apply(tolerance.get("path"));
    if (!(path instanceof String text)) {
      return ToleranceResult.notMet("JSON path " + show(path) + " is not a string");
    }
    Target target = Target.of(output, tolerance.get("target"));
    Object document = target.value();
    if (document instanceof byte[] bytes) {
      document = new String(bytes, StandardCharsets.UTF_8);
    }
    boolean notJson = false;
    if (document instanceof String s) {
      try {
        document = Json.parse(s);
      } catch (Json.SyntaxError e) {
        notJson = true;
      }
    }
    List<Object> values;
    try {
      values = JsonPath.compile(text).evaluate(document);
    } catch (JsonPathException e) {
      return ToleranceResult.notMet(
          "JSON path " + text + " is invalid: " + e.reason() + " at column " + e.column());
    }
    String subject =
        "expected JSON path "
            + text
            + " on "
            + target.label()
            + (notJson ? " (a string that is not JSON)" : "")
            + target.note();
    Supplier<String> got = () -> values.isEmpty() ? "got none" : "got " + show(values);
    if (tolerance.containsKey("expect")) {
      Object expect = substitution.apply(tolerance.get("expect"));
      List<?> wanted = expect instanceof List<?> l ? l : Collections.singletonList(expect);
      return ToleranceResult.of(
          Py.eq(values, wanted), () -> subject + " to select " + show(wanted) + ", " + got.get());
    }
    Object count = tolerance.get("count");
    if (count != null) {
      return ToleranceResult.of(
          Py.eq(values.size(), count),
          () -> subject + " to select " + show(count) + " value(s), " + got.get());
    }
    return ToleranceResult.of(
        !values.isEmpty(), () -> subject + " to select at least one value, " + got.get());
  }

  private static ToleranceResult range(Map<?, ?> tolerance, Object output) {
    Object bounds = tolerance.get("range");
    if (!(bounds instanceof List<?> pair) || pair.size() != 2) {
      return ToleranceResult.notMet("range " + show(bounds) + " is not a pair of numbers");
    }
    DecimalValue low = DecimalValue.of(pair.get(0));
    DecimalValue high = DecimalValue.of(pair.get(1));
    if (low == null || high == null) {
      return ToleranceResult.notMet("range " + show(bounds) + " is not a pair of numbers");
    }
    Target target = Target.of(output, tolerance.get("target"));
    Supplier<String> expected =
        () ->
            "expected "
                + (target.named() ? target.label() : "a value")
                + " within "
                + show(bounds)
                + ", got "
                + show(target.value());
    DecimalValue value = DecimalValue.of(target.value());
    if (value == null || value.isNaN()) {
      return ToleranceResult.notMet(expected.get() + ", which is not a number" + target.note());
    }
    return ToleranceResult.of(low.atMost(value) && value.atMost(high), expected);
  }

  /**
   * Runs the probe of a probe tolerance on a copy of it with {@code arguments.value} set to the
   * output. (The reference writes the value into the experiment's own tolerance, so its journal
   * shows it; the copy keeps the experiment as written.)
   */
  private static ToleranceResult probe(Map<?, ?> tolerance, Object output, ProbeRunner runner) {
    Map<String, Object> probe = Json.deepCopy(stringKeys(tolerance));
    String name = show(probe.get("name"));
    if (!(probe.get("provider") instanceof Map<?, ?> provider)) {
      return ToleranceResult.notMet("probe tolerance " + name + " has no provider");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> providerMap = (Map<String, Object>) provider;
    Object arguments = providerMap.get("arguments");
    if (arguments == null) {
      arguments = new LinkedHashMap<String, Object>();
      providerMap.put("arguments", arguments);
    }
    if (!(arguments instanceof Map<?, ?>)) {
      return ToleranceResult.notMet(
          "probe tolerance "
              + name
              + " cannot receive the value: its provider arguments are not a mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> argumentMap = (Map<String, Object>) arguments;
    argumentMap.put("value", output);
    Object returned;
    try {
      returned = runner.run(probe);
    } catch (ActivityFailed e) {
      return ToleranceResult.notMet("probe tolerance " + name + " failed: " + e.getMessage());
    }
    return ToleranceResult.of(
        Py.truthy(returned),
        () -> "expected probe " + name + " to return a truthy value, got " + show(returned));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /**
   * The value a tolerance checks: {@code output[target]} when a target is given, else the output.
   * Like the reference's {@code output.get(target, output)}, a missing key falls back on the whole
   * output (and so does an output that is not a mapping, where the reference crashes).
   */
  private record Target(Object value, String label, boolean named, boolean missing) {
    static Target of(Object output, Object target) {
      if (!Py.truthy(target)) {
        return new Target(output, "the output", false, false);
      }
      String label = Py.str(target);
      if (output instanceof Map<?, ?> map && map.containsKey(label) && target instanceof String) {
        return new Target(map.get(label), label, true, false);
      }
      return new Target(output, label, true, true);
    }

    String note() {
      return missing ? " (the output has no '" + label + "' key)" : "";
    }
  }
}
