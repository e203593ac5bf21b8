package dev.chaos4j.core.jsonpath;

import java.util.List;

/**
 * A compiled JSON path with the semantics of Python's {@code jsonpath2} (0.4.5), the library the
 * reference evaluates {@code jsonpath} tolerances with. Documents are plain JSON values (maps,
 * lists, strings, numbers, booleans, null). Instances are immutable and thread-safe.
 *
 * <p>What differs from Goessner/Jayway JSONPath, on purpose:
 *
 * <ul>
 *   <li>A filter {@code [?(...)]} tests the current node itself, not its children: {@code
 *       $.items[?(@.up = true)]} selects nothing, {@code $.items[*][?(@.up = true)]} selects the
 *       items that are up.
 *   <li>Equality is a single {@code =}; {@code <}, {@code <=}, {@code >}, {@code >=} only hold
 *       between numbers; {@code or} binds tighter than {@code and}.
 *   <li>{@code [?(@.k)]} is true when the key exists, whatever its value ({@code false} too).
 *   <li>Strings are double-quoted and keep their backslash escapes as written; keywords ({@code
 *       true}, {@code and}...) cannot be bare keys ({@code $["true"]} can).
 *   <li>Functions {@code length()}, {@code keys()}, {@code values()}, {@code entries()}, {@code
 *       charAt(i)}, {@code substring(i[, j])} are subscripts: {@code $.items.length()}.
 * </ul>
 */
public final class JsonPath {
  private final String expression;
  private final Path path;

  private JsonPath(String expression, Path path) {
    this.expression = expression;
    this.path = path;
  }

  /**
   * Compiles a path.
   *
   * @throws JsonPathException when the path is not valid jsonpath2 syntax, naming the column
   */
  public static JsonPath compile(String expression) {
    if (expression == null) {
      throw new IllegalArgumentException("a JSON path cannot be null");
    }
    return new JsonPath(expression, Parser.parse(expression));
  }

  /**
   * The values the path selects in the document, in document order. They are the document's own
   * objects (not copies), except for results of functions.
   *
   * @throws JsonPathException when a slice with a step of zero meets a list
   */
  public List<Object> evaluate(Object document) {
    return path.values(document, document);
  }

  /** The path as it was written. */
  @Override
  public String toString() {
    return expression;
  }
}
