package dev.chaos4j.core.tolerance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a regular expression written for Python's {@code re} module (the syntax of regex
 * tolerances) into an equivalent {@link Pattern}.
 *
 * <p>Python syntax Java lacks or reads differently is translated: named groups {@code
 * (?P<name>...)} and {@code (?P=name)}, {@code \Z}, {@code \v}, {@code \U}, octal escapes, {@code
 * {,n}}, an opening brace that starts no quantifier, {@code [} and {@code &&} inside sets, comments
 * {@code (?#...)}, verbose mode, the {@code a} flag. Patterns Python refuses are refused with
 * Python's own message ({@code unterminated character set}, {@code nothing to repeat}, {@code bad
 * escape \q}...). Matching is Unicode-aware and only {@code \n} ends a line, as in Python. Not
 * supported: conditional groups {@code (?(1)yes|no)}.
 */
public final class PythonRegex {
  private static final int FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
  private static final String JAVA_META = "\\^$.|?*+()[]{}";
  private static final String VERBOSE_WHITESPACE = " \t\n\r\u000b\f";

  /** What the last parsed element was: Python only repeats atoms, once. */
  private enum Last {
    NOTHING,
    ANCHOR,
    REPEAT,
    ATOM
  }

  /**
   * An open group: its capture number (0 when it captures nothing) and the verbose mode outside.
   */
  private record Group(int number, boolean verboseOutside) {}

  private final String p;
  private final StringBuilder out;
  private int i;
  private int groups;
  private final Map<String, Integer> names = new HashMap<>();
  private final Set<Integer> closed = new HashSet<>();
  private final Deque<Group> open = new ArrayDeque<>();
  private boolean verbose;
  private boolean atStart = true;
  private Last last = Last.NOTHING;

  private PythonRegex(String pattern) {
    this.p = pattern;
    this.out = new StringBuilder(pattern.length() + 16);
  }

  /**
   * Compiles a Python regular expression.
   *
   * @throws PatternSyntaxException when Python would refuse the pattern; its description is
   *     Python's message (e.g. {@code unterminated character set}), its pattern the one given
   */
  public static Pattern compile(String pythonPattern) {
    String java = translate(pythonPattern);
    try {
      return Pattern.compile(java, FLAGS);
    } catch (PatternSyntaxException e) {
      throw new PatternSyntaxException(e.getDescription(), pythonPattern, -1);
    }
  }

  /** The Java syntax of a Python regular expression (without the flags {@link #compile} adds). */
  static String translate(String pythonPattern) {
    PythonRegex t = new PythonRegex(pythonPattern);
    t.run();
    return t.out.toString();
  }

  private void run() {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (verbose && VERBOSE_WHITESPACE.indexOf(c) >= 0) {
        i++;
        continue;
      }
      if (verbose && c == '#') {
        int nl = p.indexOf('\n', i);
        i = nl < 0 ? p.length() : nl + 1;
        continue;
      }
      if (c == '(') {
        group();
        continue;
      }
      atStart = false;
      switch (c) {
        case ')' -> closeGroup();
        case '|' -> {
          i++;
          out.append('|');
          last = Last.NOTHING;
        }
        case '\\' -> escape();
        case '[' -> characterSet();
        case '*', '+', '?' -> repeat(String.valueOf(c), i + 1);
        case '{' -> brace();
        case '.' -> atom(".", 1);
        case '^', '$' -> {
          i++;
          out.append(c);
          last = Last.ANCHOR;
        }
        default -> {
          int cp = p.codePointAt(i);
          i += Character.charCount(cp);
          literal(cp);
        }
      }
    }
    if (!open.isEmpty()) {
      throw error("missing ), unterminated subpattern", p.length());
    }
  }

  private void atom(String java, int length) {
    out.append(java);
    i += length;
    last = Last.ATOM;
  }

  private void literal(int cp) {
    appendLiteral(out, cp);
    last = Last.ATOM;
  }

  private static void appendLiteral(StringBuilder sb, int cp) {
    if (cp < 0x80 && JAVA_META.indexOf(cp) >= 0) {
      sb.append('\\').append((char) cp);
    } else if (cp < 0x20 || cp == 0x7f) {
      hex(sb, cp);
    } else {
      sb.appendCodePoint(cp);
    }
  }

  private static void hex(StringBuilder sb, int cp) {
    sb.append("\\x{").append(Integer.toHexString(cp)).append('}');
  }

  // ---- repeats ----------------------------------------------------------------------------

  /**
   * {@code *}, {@code +}, {@code ?} or a {@code {m,n}} given in Java form, ending at {@code end}.
   */
  private void repeat(String java, int end) {
    if (last == Last.NOTHING || last == Last.ANCHOR) {
      throw error("nothing to repeat", i);
    }
    if (last == Last.REPEAT) {
      throw error("multiple repeat", i);
    }
    i = end;
    out.append(java);
    if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
      out.append(p.charAt(i));
      i++;
    }
    last = Last.REPEAT;
  }

  /** An opening brace starts a quantifier {m}, {m,}, {,n}, {m,n} or {,}, or else is a literal. */
  private void brace() {
    int j = i + 1;
    if (j < p.length() && p.charAt(j) == '}') {
      i++;
      literal('{');
      return;
    }
    int loStart = j;
    while (j < p.length() && isDigit(p.charAt(j))) {
      j++;
    }
    String lo = p.substring(loStart, j);
    String hi = lo;
    boolean comma = j < p.length() && p.charAt(j) == ',';
    if (comma) {
      int hiStart = ++j;
      while (j < p.length() && isDigit(p.charAt(j))) {
        j++;
      }
      hi = p.substring(hiStart, j);
    }
    if (j >= p.length() || p.charAt(j) != '}') {
      i++;
      literal('{');
      return;
    }
    long min = lo.isEmpty() ? 0 : bound(lo);
    Long max = hi.isEmpty() ? null : bound(hi);
    if (max != null && max < min) {
      throw error("min repeat greater than max repeat", i);
    }
    String java = "{" + min + (comma ? "," + (max == null ? "" : max) : "") + "}";
    repeat(java, j + 1);
  }

  private long bound(String digits) {
    if (digits.length() > 10 || Long.parseLong(digits) >= 0xFFFFFFFFL) {
      throw error("the repetition number is too large", i);
    }
    return Long.parseLong(digits);
  }

  // ---- groups -----------------------------------------------------------------------------

  private void group() {
    int start = i;
    i++;
    if (!take('?')) {
      openGroup(++groups, "(");
      return;
    }
    if (i >= p.length()) {
      throw error("unexpected end of pattern", i);
    }
    char c = p.charAt(i++);
    switch (c) {
      case 'P' -> namedGroupOrReference();
      case ':' -> openGroup(0, "(?:");
      case '>' -> openGroup(0, "(?>");
      case '#' -> comment();
      case '=', '!' -> openGroup(0, "(?" + c);
      case '<' -> {
        if (i >= p.length()) {
          throw error("unexpected end of pattern", i);
        }
        char d = p.charAt(i++);
        if (d != '=' && d != '!') {
          throw error("unknown extension ?<" + d, start);
        }
        openGroup(0, "(?<" + d);
      }
      case '(' -> throw error("conditional groups (?(...)yes|no) are not supported", start);
      default -> {
        if (FLAG_LETTERS.indexOf(c) >= 0 || c == '-') {
          flags(c, start);
        } else {
          throw error("unknown extension ?" + c, start);
        }
      }
    }
  }

  private void openGroup(int number, String java) {
    atStart = false;
    open.push(new Group(number, verbose));
    out.append(java);
    last = Last.NOTHING;
  }

  private void closeGroup() {
    if (open.isEmpty()) {
      throw error("unbalanced parenthesis", i);
    }
    Group g = open.pop();
    verbose = g.verboseOutside();
    if (g.number() > 0) {
      closed.add(g.number());
    }
    i++;
    out.append(')');
    last = Last.ATOM;
  }

  private void namedGroupOrReference() {
    if (take('<')) {
      String name = until('>', "missing >, unterminated name");
      checkName(name);
      int number = ++groups;
      Integer previous = names.putIfAbsent(name, number);
      if (previous != null) {
        throw error(
            "redefinition of group name '"
                + name
                + "' as group "
                + number
                + "; was group "
                + previous,
            i);
      }
      openGroup(number, "(");
    } else if (take('=')) {
      String name = until(')', "missing ), unterminated name");
      checkName(name);
      Integer number = names.get(name);
      if (number == null) {
        throw error("unknown group name '" + name + "'", i);
      }
      reference(number);
    } else if (i >= p.length()) {
      throw error("unexpected end of pattern", i);
    } else {
      throw error("unknown extension ?P" + p.charAt(i), i);
    }
  }

  private String until(char terminator, String unterminated) {
    int end = p.indexOf(terminator, i);
    if (end == i || i >= p.length()) {
      throw error("missing group name", i);
    }
    if (end < 0) {
      throw error(unterminated, i);
    }
    String name = p.substring(i, end);
    i = end + 1;
    return name;
  }

  private void checkName(String name) {
    boolean ok = Character.isUnicodeIdentifierStart(name.codePointAt(0)) || name.charAt(0) == '_';
    for (int k = Character.charCount(name.codePointAt(0)); ok && k < name.length(); ) {
      int cp = name.codePointAt(k);
      ok = Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
      k += Character.charCount(cp);
    }
    if (!ok) {
      throw error("bad character in group name '" + name + "'", i);
    }
  }

  /** A back reference, wrapped so that Java cannot read a following digit as part of it. */
  private void reference(int number) {
    if (!closed.contains(number)) {
      throw error("cannot refer to an open group", i);
    }
    atStart = false;
    out.append("(?:\\").append(number).append(')');
    last = Last.ATOM;
  }

  private void comment() {
    int end = p.indexOf(')', i);
    if (end < 0) {
      throw error("missing ), unterminated comment", p.length());
    }
    i = end + 1;
  }

  private static final String FLAG_LETTERS = "aiLmsxtu";

  /** Inline flags: global {@code (?imsx)} at the start, or scoped {@code (?i-s:...)}. */
  private void flags(char first, int start) {
    StringBuilder on = new StringBuilder();
    StringBuilder off = new StringBuilder();
    char c = first;
    if (c != '-') {
      while (true) {
        if (c == 'L') {
          throw error("bad inline flags: cannot use 'L' flag with a str pattern", i);
        }
        if ((c == 'a' && on.indexOf("u") >= 0) || (c == 'u' && on.indexOf("a") >= 0)) {
          throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", i);
        }
        on.append(c);
        if (i >= p.length()) {
          throw error("missing -, : or )", i);
        }
        c = p.charAt(i++);
        if (c == ')' || c == '-' || c == ':') {
          break;
        }
        if (FLAG_LETTERS.indexOf(c) < 0) {
          throw error(Character.isLetter(c) ? "unknown flag" : "missing -, : or )", i);
        }
      }
    }
    if (c == ')') {
      if (!atStart) {
        throw error("global flags not at the start of the expression", start);
      }
      if (on.indexOf("x") >= 0) {
        verbose = true;
      }
      String java = javaFlags(on, "");
      if (!java.isEmpty()) {
        out.append("(?").append(java).append(')');
      }
      return;
    }
    if (on.indexOf("t") >= 0) {
      throw error("bad inline flags: cannot turn on global flag", i);
    }
    if (c == '-') {
      if (i >= p.length()) {
        throw error("missing flag", i);
      }
      c = p.charAt(i++);
      if (FLAG_LETTERS.indexOf(c) < 0) {
        throw error(Character.isLetter(c) ? "unknown flag" : "missing flag", i);
      }
      while (true) {
        if (c == 'a' || c == 'u' || c == 'L') {
          throw error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", i);
        }
        off.append(c);
        if (i >= p.length()) {
          throw error("missing :", i);
        }
        c = p.charAt(i++);
        if (c == ':') {
          break;
        }
        if (FLAG_LETTERS.indexOf(c) < 0) {
          throw error(Character.isLetter(c) ? "unknown flag" : "missing :", i);
        }
      }
    }
    if (off.indexOf("t") >= 0) {
      throw error("bad inline flags: cannot turn off global flag", i);
    }
    for (int k = 0; k < on.length(); k++) {
      if (off.indexOf(String.valueOf(on.charAt(k))) >= 0) {
        throw error("bad inline flags: flag turned on and off", i);
      }
    }
    boolean verboseInside = (verbose || on.indexOf("x") >= 0) && off.indexOf("x") < 0;
    String java = javaFlags(on, off.toString());
    openGroup(0, java.isEmpty() ? "(?:" : "(?" + java + ":");
    verbose = verboseInside;
  }

  /** Java's inline flags for Python's: x is handled here, u is the default, a turns U off. */
  private static String javaFlags(CharSequence on, String off) {
    StringBuilder add = new StringBuilder();
    StringBuilder remove = new StringBuilder();
    for (int k = 0; k < on.length(); k++) {
      char f = on.charAt(k);
      if (f == 'i' || f == 'm' || f == 's') {
        add.append(f);
      } else if (f == 'a') {
        remove.append('U');
      }
    }
    for (char f : off.toCharArray()) {
      if (f == 'i' || f == 'm' || f == 's') {
        remove.append(f);
      }
    }
    return remove.isEmpty() ? add.toString() : add + "-" + remove;
  }

  // ---- escapes ----------------------------------------------------------------------------

  private void escape() {
    int start = i;
    if (i + 1 >= p.length()) {
      throw error("bad escape (end of pattern)", i);
    }
    char c = p.charAt(i + 1);
    i += 2;
    switch (c) {
      case 'A', 'b', 'B' -> anchor("\\" + c);
      case 'Z' -> anchor("\\z");
      case 'd', 'D', 's', 'S', 'w', 'W' -> {
        out.append('\\').append(c);
        last = Last.ATOM;
      }
      case 'a' -> literal(0x07);
      case 'f' -> literal('\f');
      case 'n' -> literal('\n');
      case 'r' -> literal('\r');
      case 't' -> literal('\t');
      case 'v' -> literal(0x0b);
      case 'x', 'u', 'U', 'N' -> literal(codeEscape(c, start));
      case '0' -> literal(octal(start));
      default -> {
        if (c >= '1' && c <= '9') {
          numericEscape(start);
        } else if (isAsciiLetter(c)) {
          throw error("bad escape \\" + c, start);
        } else {
          i = start + 1;
          int cp = p.codePointAt(i);
          i += Character.charCount(cp);
          literal(cp);
        }
      }
    }
  }

  private void anchor(String java) {
    out.append(java);
    last = Last.ANCHOR;
  }

  /** {@code \1}..{@code \99} is a group reference, unless three octal digits make it a char. */
  private void numericEscape(int start) {
    int j = start + 2;
    if (j < p.length() && isDigit(p.charAt(j))) {
      j++;
      if (isOctal(p.charAt(start + 1))
          && isOctal(p.charAt(start + 2))
          && j < p.length()
          && isOctal(p.charAt(j))) {
        literal(octal(start));
        return;
      }
    }
    int number = Integer.parseInt(p.substring(start + 1, j));
    i = j;
    if (number > groups) {
      throw error("invalid group reference " + number, start + 1);
    }
    reference(number);
  }

  /** An octal escape: up to three octal digits after the backslash at {@code start}. */
  private int octal(int start) {
    int first = start + 1;
    int j = first;
    while (j < p.length() && j - first < 3 && isOctal(p.charAt(j))) {
      j++;
    }
    String text = p.substring(first, j);
    int value = Integer.parseInt(text, 8);
    i = j;
    if (value > 0377) {
      throw error("octal escape value \\" + text + " outside of range 0-0o377", start);
    }
    return value;
  }

  /**
   * {@code \xhh}, {@code \\uhhhh}, {@code \Uhhhhhhhh} or {@code \N{NAME}}; i is after the letter.
   */
  private int codeEscape(char kind, int start) {
    if (kind == 'N') {
      if (!take('{')) {
        throw error("missing {", i);
      }
      int end = p.indexOf('}', i);
      if (end == i || end < 0) {
        throw error("missing character name", i);
      }
      String name = p.substring(i, end);
      i = end + 1;
      try {
        return Character.codePointOf(name);
      } catch (IllegalArgumentException e) {
        throw error("undefined character name '" + name + "'", start);
      }
    }
    int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
    int j = i;
    while (j < p.length() && j - i < digits && Character.digit(p.charAt(j), 16) >= 0) {
      j++;
    }
    String escape = p.substring(start, j);
    if (j - i < digits) {
      throw error("incomplete escape " + escape, start);
    }
    long value = Long.parseLong(p.substring(i, j), 16);
    i = j;
    if (value > Character.MAX_CODE_POINT) {
      throw error("bad escape " + escape, start);
    }
    return (int) value;
  }

  // ---- character sets ---------------------------------------------------------------------

  /** One element of a set: a code point, or a class such as {@code \d} (then cp is -1). */
  private record SetItem(int cp, String javaClass, String text) {}

  private void characterSet() {
    int start = i;
    i++;
    StringBuilder set = new StringBuilder("[");
    if (take('^')) {
      set.append('^');
    }
    boolean empty = true;
    while (true) {
      if (i >= p.length()) {
        throw error("unterminated character set", start);
      }
      if (p.charAt(i) == ']' && !empty) {
        i++;
        break;
      }
      SetItem first = setItem();
      empty = false;
      if (i < p.length() && p.charAt(i) == '-') {
        i++;
        if (i >= p.length()) {
          throw error("unterminated character set", start);
        }
        if (p.charAt(i) == ']') {
          appendSetItem(set, first);
          appendLiteralInSet(set, '-');
          i++;
          break;
        }
        SetItem second = setItem();
        if (first.javaClass() != null || second.javaClass() != null || second.cp() < first.cp()) {
          throw error("bad character range " + first.text() + "-" + second.text(), start);
        }
        appendLiteralInSet(set, first.cp());
        set.append('-');
        appendLiteralInSet(set, second.cp());
      } else {
        appendSetItem(set, first);
      }
    }
    out.append(set).append(']');
    last = Last.ATOM;
  }

  private SetItem setItem() {
    int start = i;
    if (p.charAt(i) != '\\') {
      int cp = p.codePointAt(i);
      i += Character.charCount(cp);
      return new SetItem(cp, null, new String(Character.toChars(cp)));
    }
    if (i + 1 >= p.length()) {
      throw error("bad escape (end of pattern)", i);
    }
    char c = p.charAt(i + 1);
    i += 2;
    String text = "\\" + c;
    int cp =
        switch (c) {
          case 'd', 'D', 's', 'S', 'w', 'W' -> -1;
          case 'a' -> 0x07;
          case 'b' -> 0x08;
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'v' -> 0x0b;
          case '\\' -> '\\';
          case 'x', 'u', 'U', 'N' -> codeEscape(c, start);
          default -> {
            if (isOctal(c)) {
              yield octal(start);
            }
            if (isDigit(c) || isAsciiLetter(c)) {
              throw error("bad escape " + text, start);
            }
            i = start + 1;
            int literal = p.codePointAt(i);
            i += Character.charCount(literal);
            yield literal;
          }
        };
    return cp < 0 ? new SetItem(-1, text, text) : new SetItem(cp, null, text);
  }

  private static void appendSetItem(StringBuilder set, SetItem item) {
    if (item.javaClass() != null) {
      set.append(item.javaClass());
    } else {
      appendLiteralInSet(set, item.cp());
    }
  }

  /** Letters and digits as they are, anything else as {@code \x{...}}: nothing is special. */
  private static void appendLiteralInSet(StringBuilder set, int cp) {
    if (cp < 0x80 && (isAsciiLetter((char) cp) || isDigit((char) cp))) {
      set.append((char) cp);
    } else {
      hex(set, cp);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  private boolean take(char c) {
    if (i < p.length() && p.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private PatternSyntaxException error(String description, int index) {
    return new PatternSyntaxException(description, p, index);
  }
}
