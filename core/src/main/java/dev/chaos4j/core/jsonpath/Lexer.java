package dev.chaos4j.core.jsonpath;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a path into tokens with jsonpath2's lexical rules: the longest match wins, keywords win
 * over identifiers of the same length, strings are double-quoted only, and only space, tab, CR and
 * LF are skipped as whitespace.
 */
final class Lexer {
  enum Type {
    ROOT("'$'"),
    CURRENT("'@'"),
    DOT("'.'"),
    DOT_DOT("'..'"),
    STAR("'*'"),
    BRACKET_LEFT("'['"),
    BRACKET_RIGHT("']'"),
    PAREN_LEFT("'('"),
    PAREN_RIGHT("')'"),
    BRACE_LEFT("'{'"),
    BRACE_RIGHT("'}'"),
    COLON("':'"),
    COMMA("','"),
    QUESTION("'?'"),
    EQ("'='"),
    NE("'!='"),
    LT("'<'"),
    LE("'<='"),
    GT("'>'"),
    GE("'>='"),
    AND("'and'"),
    OR("'or'"),
    NOT("'not'"),
    TRUE("'true'"),
    FALSE("'false'"),
    NULL("'null'"),
    ID("a name"),
    STRING("a string"),
    NUMBER("a number"),
    END("the end of the path");

    final String description;

    Type(String description) {
      this.description = description;
    }
  }

  /** One token: its type, its source text and its 0-based offset in the path. */
  record Token(Type type, String text, int start) {
    String describe() {
      return switch (type) {
        case ID, STRING, NUMBER -> "'" + text + "'";
        default -> type.description;
      };
    }
  }

  private final String path;
  private int pos;

  private Lexer(String path) {
    this.path = path;
  }

  static List<Token> tokenize(String path) {
    return new Lexer(path).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (pos >= path.length()) {
        tokens.add(new Token(Type.END, "", pos));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipWhitespace() {
    while (pos < path.length()) {
      char c = path.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private Token next() {
    int start = pos;
    char c = path.charAt(pos);
    switch (c) {
      case '$':
        return single(Type.ROOT);
      case '@':
        return single(Type.CURRENT);
      case '*':
        return single(Type.STAR);
      case '[':
        return single(Type.BRACKET_LEFT);
      case ']':
        return single(Type.BRACKET_RIGHT);
      case '(':
        return single(Type.PAREN_LEFT);
      case ')':
        return single(Type.PAREN_RIGHT);
      case '{':
        return single(Type.BRACE_LEFT);
      case '}':
        return single(Type.BRACE_RIGHT);
      case ':':
        return single(Type.COLON);
      case ',':
        return single(Type.COMMA);
      case '?':
        return single(Type.QUESTION);
      case '=':
        return single(Type.EQ);
      case '.':
        return peek(1) == '.' ? fixed(Type.DOT_DOT, 2) : single(Type.DOT);
      case '<':
        return peek(1) == '=' ? fixed(Type.LE, 2) : single(Type.LT);
      case '>':
        return peek(1) == '=' ? fixed(Type.GE, 2) : single(Type.GT);
      case '!':
        if (peek(1) == '=') {
          return fixed(Type.NE, 2);
        }
        throw error("unexpected character '!' (negate with 'not')", start);
      case '"':
        return string();
      case '\'':
        throw error("strings must be in double quotes, not single quotes", start);
      case '&':
        throw error("unexpected character '&' (combine conditions with 'and')", start);
      case '|':
        throw error("unexpected character '|' (combine conditions with 'or')", start);
      default:
        break;
    }
    if (c == '-' || isDigit(c)) {
      return number();
    }
    if (isIdStart(c)) {
      return word();
    }
    throw error("unexpected character '" + c + "'", start);
  }

  private char peek(int offset) {
    int i = pos + offset;
    return i < path.length() ? path.charAt(i) : '\0';
  }

  private Token single(Type type) {
    return fixed(type, 1);
  }

  private Token fixed(Type type, int length) {
    Token token = new Token(type, path.substring(pos, pos + length), pos);
    pos += length;
    return token;
  }

  /** A double-quoted string; like jsonpath2 the token keeps its escapes undecoded. */
  private Token string() {
    int start = pos;
    int i = pos + 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '"') {
        pos = i + 1;
        return new Token(Type.STRING, path.substring(start, pos), start);
      }
      if (c < 0x20) {
        throw error("control character in a string", i);
      }
      if (c == '\\') {
        i = escapeEnd(i);
      } else {
        i++;
      }
    }
    throw error("unterminated string", start);
  }

  private int escapeEnd(int backslash) {
    char e = backslash + 1 < path.length() ? path.charAt(backslash + 1) : '\0';
    if ("\"\\/bfnrt".indexOf(e) >= 0 && e != '\0') {
      return backslash + 2;
    }
    if (e == 'u') {
      for (int k = 2; k < 6; k++) {
        int at = backslash + k;
        if (at >= path.length() || Character.digit(path.charAt(at), 16) < 0) {
          throw error("invalid \\u escape in a string (4 hex digits expected)", backslash);
        }
      }
      return backslash + 6;
    }
    throw error("invalid escape in a string", backslash);
  }

  /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? (0 | [1-9][0-9]*))?}, longest match. */
  private Token number() {
    int start = pos;
    int i = pos;
    if (path.charAt(i) == '-') {
      i++;
    }
    int afterInt = integer(i);
    if (afterInt < 0) {
      throw error("unexpected character '-'", start);
    }
    i = afterInt;
    if (i < path.length() && path.charAt(i) == '.' && i + 1 < path.length()) {
      int j = i + 1;
      while (j < path.length() && isDigit(path.charAt(j))) {
        j++;
      }
      if (j > i + 1) {
        i = j;
      }
    }
    if (i < path.length() && (path.charAt(i) == 'e' || path.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < path.length() && (path.charAt(j) == '+' || path.charAt(j) == '-')) {
        j++;
      }
      int afterExp = integer(j);
      if (afterExp > 0) {
        i = afterExp;
      }
    }
    pos = i;
    return new Token(Type.NUMBER, path.substring(start, i), start);
  }

  /** The end of {@code 0 | [1-9][0-9]*} starting at i, or -1 when there is none. */
  private int integer(int i) {
    if (i >= path.length() || !isDigit(path.charAt(i))) {
      return -1;
    }
    if (path.charAt(i) == '0') {
      return i + 1;
    }
    int j = i;
    while (j < path.length() && isDigit(path.charAt(j))) {
      j++;
    }
    return j;
  }

  private Token word() {
    int start = pos;
    int i = pos + 1;
    while (i < path.length() && isIdPart(path.charAt(i))) {
      i++;
    }
    pos = i;
    String text = path.substring(start, i);
    Type type =
        switch (text) {
          case "and" -> Type.AND;
          case "or" -> Type.OR;
          case "not" -> Type.NOT;
          case "true" -> Type.TRUE;
          case "false" -> Type.FALSE;
          case "null" -> Type.NULL;
          default -> Type.ID;
        };
    return new Token(type, text, start);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isIdPart(char c) {
    return isIdStart(c) || isDigit(c);
  }

  private JsonPathException error(String reason, int index) {
    return new JsonPathException(path, reason, index);
  }
}
