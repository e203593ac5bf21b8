package dev.chaos4j.core.jsonpath;

import dev.chaos4j.core.value.Py;
import java.util.List;

/** The condition of a {@code [?(...)]} subscript, tested against the current value. */
interface Filter {
  boolean test(Object root, Object current);

  /** {@code not e}. */
  record Not(Filter operand) implements Filter {
    @Override
    public boolean test(Object root, Object current) {
      return !operand.test(root, current);
    }
  }

  /** {@code a and b and ...}. */
  record All(List<Filter> operands) implements Filter {
    @Override
    public boolean test(Object root, Object current) {
      for (Filter f : operands) {
        if (!f.test(root, current)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code a or b or ...}. */
  record Any(List<Filter> operands) implements Filter {
    @Override
    public boolean test(Object root, Object current) {
      for (Filter f : operands) {
        if (f.test(root, current)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * {@code @.path} alone: true when the path selects anything (whatever the value, false and null
   * included); a literal alone is tested for Python truthiness.
   */
  record Exists(Operand operand) implements Filter {
    @Override
    public boolean test(Object root, Object current) {
      if (!operand.isPath()) {
        return Py.truthy(operand.literal());
      }
      boolean[] found = {false};
      operand.path().select(root, current, v -> found[0] = true);
      return found[0];
    }
  }

  /**
   * {@code left op right}: true when some pair of a left value and a right value satisfies the
   * operator. As in jsonpath2, the values of a right-hand path are consumed once: only the first
   * left value is compared with them (a right-hand literal is compared with every left value).
   */
  record Comparison(Operand left, Operator operator, Operand right) implements Filter {
    @Override
    public boolean test(Object root, Object current) {
      List<Object> lefts = left.values(root, current);
      List<Object> rights = right.values(root, current);
      if (right.isPath()) {
        return !lefts.isEmpty() && matchesAny(lefts.get(0), rights);
      }
      for (Object l : lefts) {
        if (matchesAny(l, rights)) {
          return true;
        }
      }
      return false;
    }

    private boolean matchesAny(Object l, List<Object> rights) {
      for (Object r : rights) {
        if (operator.holds(l, r)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Comparison operators: equality is Python's {@code ==}; ordering is for numbers only. */
  enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    boolean holds(Object l, Object r) {
      return switch (this) {
        case EQ -> Py.eq(l, r);
        case NE -> !Py.eq(l, r);
        default -> ordered(l, r);
      };
    }

    /** Numbers (booleans included, as in Python) compare; anything else, or NaN, is false. */
    private boolean ordered(Object l, Object r) {
      if (!Py.isNumeric(l) || !Py.isNumeric(r) || isNaN(l) || isNaN(r)) {
        return false;
      }
      int c = Py.compare(l, r);
      return switch (this) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        default -> c >= 0;
      };
    }

    private static boolean isNaN(Object o) {
      return o instanceof Number n && Double.isNaN(n.doubleValue());
    }
  }
}
