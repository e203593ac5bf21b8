package dev.chaos4j.core.jsonpath;

import java.util.Collections;
import java.util.List;

/** A side of a comparison or a function argument: a literal JSON value or a path. */
record Operand(Path path, Object literal) {
  static Operand of(Path path) {
    return new Operand(path, null);
  }

  static Operand literal(Object value) {
    return new Operand(null, value);
  }

  boolean isPath() {
    return path != null;
  }

  /** The literal alone, or every value the path selects. */
  List<Object> values(Object root, Object current) {
    return isPath() ? path.values(root, current) : Collections.singletonList(literal);
  }
}
