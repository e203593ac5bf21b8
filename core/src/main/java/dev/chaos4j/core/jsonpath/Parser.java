package dev.chaos4j.core.jsonpath;

import dev.chaos4j.core.jsonpath.Lexer.Token;
import dev.chaos4j.core.jsonpath.Lexer.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for jsonpath2's grammar.
 *
 * <pre>
 * path        := '$' subscript* END
 * subscript   := '..' (bareword | brackets) | '.' bareword | brackets
 * bareword    := ID arguments? | '*'
 * brackets    := '[' item (',' item)* ']'
 * item        := STRING | INT slice? | slice | '*' | '?(' or-list ')' | ('$' | '@') subscript*
 *              | ID arguments
 * slice       := ':' INT? (':' INT?)?
 * arguments   := '(' (operand (',' operand)*)? ')'
 * expression  := disjunction ('and' expression)?      -- 'or' binds tighter than 'and'
 * disjunction := negation ('or' disjunction)?
 * negation    := 'not' negation | '(' expression ')' | operand (op operand)?
 * operand     := ('$' | '@') subscript* | JSON value (strings keep their escapes)
 * </pre>
 */
final class Parser {
  private final String source;
  private final List<Token> tokens;
  private int at;

  private Parser(String source) {
    this.source = source;
    this.tokens = Lexer.tokenize(source);
  }

  static Path parse(String source) {
    Parser parser = new Parser(source);
    Token first = parser.peek();
    if (first.type() != Type.ROOT) {
      throw parser.error(
          first.type() == Type.CURRENT
              ? "a path must start with '$' ('@' is only valid inside a filter)"
              : "a path must start with '$', found " + first.describe(),
          first);
    }
    parser.take();
    Path path = parser.pathAfterStart(true);
    Token end = parser.peek();
    if (end.type() != Type.END) {
      throw parser.error("unexpected " + end.describe() + hint(end), end);
    }
    return path;
  }

  private static String hint(Token token) {
    return token.type() == Type.EQ ? " ('==' is not an operator: compare with a single '=')" : "";
  }

  private Path pathAfterStart(boolean absolute) {
    List<Path.Segment> segments = new ArrayList<>();
    while (true) {
      Token t = peek();
      switch (t.type()) {
        case DOT_DOT -> {
          take();
          List<Selector> selectors =
              peek().type() == Type.BRACKET_LEFT ? brackets() : List.of(bareword(t));
          segments.add(new Path.Segment(selectors, true));
        }
        case DOT -> {
          take();
          segments.add(new Path.Segment(List.of(bareword(t)), false));
        }
        case BRACKET_LEFT -> segments.add(new Path.Segment(brackets(), false));
        default -> {
          return new Path(absolute, segments);
        }
      }
    }
  }

  private Selector bareword(Token dot) {
    Token t = peek();
    if (t.type() == Type.STAR) {
      take();
      return new Selector.Wildcard();
    }
    if (t.type() == Type.ID) {
      take();
      if (peek().type() == Type.PAREN_LEFT) {
        return call(t);
      }
      return new Selector.Key(t.text());
    }
    String reason = "expected a name or '*' after " + dot.describe() + ", found " + t.describe();
    if (isKeyword(t.type())) {
      reason += " (a keyword: write [\"" + t.text() + "\"] for a key of that name)";
    } else if (t.type() == Type.NUMBER) {
      reason += " (write [" + t.text() + "] for an index)";
    }
    throw error(reason, t);
  }

  private static boolean isKeyword(Type type) {
    return switch (type) {
      case AND, OR, NOT, TRUE, FALSE, NULL -> true;
      default -> false;
    };
  }

  private List<Selector> brackets() {
    expect(Type.BRACKET_LEFT, "'['");
    List<Selector> selectors = new ArrayList<>();
    selectors.add(item());
    while (peek().type() == Type.COMMA) {
      take();
      selectors.add(item());
    }
    expect(Type.BRACKET_RIGHT, "',' or ']'");
    return selectors;
  }

  private Selector item() {
    Token t = peek();
    switch (t.type()) {
      case STRING -> {
        take();
        return new Selector.Key(unquote(t));
      }
      case NUMBER -> {
        take();
        long index = integer(t);
        if (peek().type() == Type.COLON) {
          return slice(index, t);
        }
        return new Selector.Index(index);
      }
      case COLON -> {
        return slice(null, t);
      }
      case STAR -> {
        take();
        return new Selector.Wildcard();
      }
      case QUESTION -> {
        take();
        expect(Type.PAREN_LEFT, "'(' after '?'");
        Filter filter = expression();
        expect(Type.PAREN_RIGHT, "')' to close the filter");
        return new Selector.FilterSelector(filter);
      }
      case ROOT, CURRENT -> {
        take();
        return new Selector.Dynamic(pathAfterStart(t.type() == Type.ROOT));
      }
      case ID -> {
        take();
        if (peek().type() != Type.PAREN_LEFT) {
          throw error(
              "expected '(' after the function name '"
                  + t.text()
                  + "' (write [\""
                  + t.text()
                  + "\"] for a key)",
              peek());
        }
        return call(t);
      }
      default -> {
        String reason =
            "expected a key, an index, a slice, '*', a filter '?(...)' or a path inside '[...]',"
                + " found "
                + t.describe();
        throw error(reason, t);
      }
    }
  }

  /** {@code start? ':' end? (':' step?)?}, the current token being the first colon. */
  private Selector slice(Long start, Token first) {
    expect(Type.COLON, "':'");
    Long end = null;
    Long step = null;
    if (peek().type() == Type.NUMBER) {
      end = integer(take());
    }
    if (peek().type() == Type.COLON) {
      take();
      if (peek().type() == Type.NUMBER) {
        step = integer(take());
      }
    }
    return new Selector.Slice(start, end, step, source, first.start());
  }

  private Selector call(Token name) {
    Function function = Function.named(name.text());
    if (function == null) {
      throw error(
          "unknown function '" + name.text() + "' (available: " + Function.names() + ")", name);
    }
    expect(Type.PAREN_LEFT, "'('");
    List<Operand> args = new ArrayList<>();
    if (peek().type() != Type.PAREN_RIGHT) {
      args.add(operand());
      while (peek().type() == Type.COMMA) {
        take();
        args.add(operand());
      }
    }
    expect(Type.PAREN_RIGHT, "',' or ')'");
    return new Selector.Call(function, List.copyOf(args));
  }

  private Filter expression() {
    List<Filter> all = new ArrayList<>();
    all.add(disjunction());
    while (peek().type() == Type.AND) {
      take();
      all.add(disjunction());
    }
    return all.size() == 1 ? all.get(0) : new Filter.All(List.copyOf(all));
  }

  private Filter disjunction() {
    List<Filter> any = new ArrayList<>();
    any.add(negation());
    while (peek().type() == Type.OR) {
      take();
      any.add(negation());
    }
    return any.size() == 1 ? any.get(0) : new Filter.Any(List.copyOf(any));
  }

  private Filter negation() {
    Token t = peek();
    if (t.type() == Type.NOT) {
      take();
      return new Filter.Not(negation());
    }
    if (t.type() == Type.PAREN_LEFT) {
      take();
      Filter inner = expression();
      expect(Type.PAREN_RIGHT, "')'");
      return inner;
    }
    Operand left = operand();
    Filter.Operator operator = operator(peek().type());
    if (operator == null) {
      return new Filter.Exists(left);
    }
    Token symbol = take();
    if (operator == Filter.Operator.EQ && peek().type() == Type.EQ) {
      throw error("'==' is not an operator: compare with a single '='", symbol);
    }
    return new Filter.Comparison(left, operator, operand());
  }

  private static Filter.Operator operator(Type type) {
    return switch (type) {
      case EQ -> Filter.Operator.EQ;
      case NE -> Filter.Operator.NE;
      case LT -> Filter.Operator.LT;
      case LE -> Filter.Operator.LE;
      case GT -> Filter.Operator.GT;
      case GE -> Filter.Operator.GE;
      default -> null;
    };
  }

  private Operand operand() {
    Token t = peek();
    if (t.type() == Type.ROOT || t.type() == Type.CURRENT) {
      take();
      return Operand.of(pathAfterStart(t.type() == Type.ROOT));
    }
    return Operand.literal(value("a path ('@...' or '$...') or a value"));
  }

  /** A JSON value; strings keep their escapes undecoded, as jsonpath2 does. */
  private Object value(String expected) {
    Token t = peek();
    switch (t.type()) {
      case STRING -> {
        take();
        return unquote(t);
      }
      case NUMBER -> {
        take();
        return number(t.text());
      }
      case TRUE -> {
        take();
        return Boolean.TRUE;
      }
      case FALSE -> {
        take();
        return Boolean.FALSE;
      }
      case NULL -> {
        take();
        return null;
      }
      case BRACE_LEFT -> {
        take();
        Map<String, Object> object = new LinkedHashMap<>();
        if (peek().type() != Type.BRACE_RIGHT) {
          member(object);
          while (peek().type() == Type.COMMA) {
            take();
            member(object);
          }
        }
        expect(Type.BRACE_RIGHT, "',' or '}'");
        return object;
      }
      case BRACKET_LEFT -> {
        take();
        List<Object> array = new ArrayList<>();
        if (peek().type() != Type.BRACKET_RIGHT) {
          array.add(value("a value"));
          while (peek().type() == Type.COMMA) {
            take();
            array.add(value("a value"));
          }
        }
        expect(Type.BRACKET_RIGHT, "',' or ']'");
        return array;
      }
      default -> {
        String reason = "expected " + expected + ", found " + t.describe();
        if (t.type() == Type.ID) {
          reason += " (literals are true, false, null, numbers and \"strings\")";
        }
        throw error(reason, t);
      }
    }
  }

  private void member(Map<String, Object> object) {
    Token key = expect(Type.STRING, "a \"key\"");
    expect(Type.COLON, "':'");
    object.put(unquote(key), value("a value"));
  }

  private static String unquote(Token string) {
    return string.text().substring(1, string.text().length() - 1);
  }

  /** Python's {@code int(text)} or {@code float(text)}, as jsonpath2 reads number literals. */
  private static Object number(String text) {
    if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      return Double.parseDouble(text);
    }
    BigInteger big = new BigInteger(text);
    if (big.bitLength() < 32) {
      return big.intValue();
    }
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  /** An index or slice bound: it must be an integer (jsonpath2 tries {@code int(text)}). */
  private long integer(Token t) {
    Object n = number(t.text());
    Long value = Selector.pythonInt(n);
    if (value == null) {
      throw error("an index or slice bound must be an integer, found " + t.describe(), t);
    }
    return value;
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token take() {
    return tokens.get(at++);
  }

  private Token expect(Type type, String expected) {
    Token t = peek();
    if (t.type() != type) {
      throw error("expected " + expected + ", found " + t.describe(), t);
    }
    return take();
  }

  private JsonPathException error(String reason, Token at) {
    return new JsonPathException(source, reason, at.start());
  }
}
