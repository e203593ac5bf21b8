package dev.chaos4j.core.jsonpath;

/**
 * A JSON path that cannot be compiled, or that cannot be applied to a document (a slice with a step
 * of zero). The message says what is wrong and at which column of the path.
 */
public class JsonPathException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;
  private final int column;

  JsonPathException(String path, String reason, int index) {
    super(reason + " at column " + (index + 1) + " in " + path);
    this.path = path;
    this.reason = reason;
    this.column = index + 1;
  }

  /** The path as it was given. */
  public String path() {
    return path;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** The 1-based column of the path where the problem was found. */
  public int column() {
    return column;
  }
}
