package dev.chaos4j.cli.init;

import dev.chaos4j.core.value.Json;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns typed answers into the JSON values an experiment holds: arguments by their discovered
 * portable type, tolerances by what the reference accepts.
 */
final class Answers {
  private Answers() {}

  /** {@code y}/{@code yes} or {@code n}/{@code no}; an empty answer takes the default. */
  static boolean confirm(String answer, boolean byDefault) throws InvalidAnswer {
    if (answer.isEmpty()) {
      return byDefault;
    }
    return switch (answer.toLowerCase(Locale.ROOT)) {
      case "y", "yes" -> true;
      case "n", "no" -> false;
      default -> throw new InvalidAnswer("answer y or n");
    };
  }

  /** A number from 0 to {@code count}; an empty answer is 0. */
  static int choice(String answer, int count) throws InvalidAnswer {
    if (answer.isEmpty()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(answer);
      if (n >= 0 && n <= count) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the range, as for a number out of range.
    }
    throw new InvalidAnswer("'" + answer + "' is not a number from 0 to " + count);
  }

  /**
   * The value of an argument of a discovered portable type: text for {@code string} and {@code
   * byte}, a checked number or boolean, JSON for collections, JSON or else text for {@code object}
   * and untyped arguments. A {@code ${name}} placeholder stays text whatever the type, since the
   * engine substitutes it at run time.
   */
  static Object argument(String answer, String type) throws InvalidAnswer {
    if (answer.contains("${")) {
      return answer;
    }
    String t = type == null ? "object" : type;
    switch (t) {
      case "string", "byte" -> {
        return answer;
      }
      case "integer" -> {
        Object v = jsonOrNull(answer);
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
          return v;
        }
        throw new InvalidAnswer("'" + answer + "' is not an integer");
      }
      case "number" -> {
        Object v = jsonOrNull(answer);
        if (v instanceof Number n && !(v instanceof Boolean)) {
          // Python's float(), which the reference's prompt applies: 3 is saved as 3.0.
          return n.doubleValue();
        }
        throw new InvalidAnswer("'" + answer + "' is not a number");
      }
      case "boolean" -> {
        return bool(answer);
      }
      case "list", "set", "tuple" -> {
        if (jsonOrNull(answer) instanceof List<?> list) {
          return list;
        }
        throw new InvalidAnswer("'" + answer + "' is not a JSON list, e.g. [\"a\", \"b\"]");
      }
      case "mapping" -> {
        if (jsonOrNull(answer) instanceof Map<?, ?> map) {
          return map;
        }
        throw new InvalidAnswer("'" + answer + "' is not a JSON object, e.g. {\"key\": \"value\"}");
      }
      default -> {
        return jsonOrText(answer);
      }
    }
  }

  /**
   * A tolerance as the value the reference compares with: {@code true}, {@code 200}, {@code [200,
   * 299]}, a JSON object ({@code regex}, {@code jsonpath}, {@code range}, a probe), or else the
   * text itself. Floats and null are refused, as the reference's validation refuses them.
   */
  static Object tolerance(String answer) throws InvalidAnswer {
    if (answer.isEmpty()) {
      throw new InvalidAnswer("a hypothesis probe needs a tolerance");
    }
    String lower = answer.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return Boolean.valueOf(lower);
    }
    Object value = jsonOrText(answer);
    if (value == null || value instanceof Double) {
      throw new InvalidAnswer(
          "a tolerance is an integer, a string, a boolean, a list (two values for boundaries)"
              + " or a JSON object, not '"
              + answer
              + "'");
    }
    return value;
  }

  private static boolean bool(String answer) throws InvalidAnswer {
    return switch (answer.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "on", "1" -> true;
      case "false", "f", "no", "n", "off", "0" -> false;
      default -> throw new InvalidAnswer("'" + answer + "' is not a boolean: answer true or false");
    };
  }

  private static Object jsonOrText(String answer) {
    try {
      return Json.parse(answer);
    } catch (Json.SyntaxError e) {
      return answer;
    }
  }

  private static Object jsonOrNull(String answer) {
    try {
      return Json.parse(answer);
    } catch (Json.SyntaxError e) {
      return null;
    }
  }
}
