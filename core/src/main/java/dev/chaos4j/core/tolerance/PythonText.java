package dev.chaos4j.core.tolerance;

import dev.chaos4j.core.value.Py;

/** Python string helpers the tolerance rules need: {@code str.strip()} and short reprs. */
final class PythonText {
  /** Explanations show at most this many characters of a value's repr. */
  static final int SHOWN = 120;

  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  /** Python's {@code str.strip()}: Unicode whitespace removed at both ends. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Python's {@code repr()} of a value, cut after {@link #SHOWN} characters. */
  static String show(Object value) {
    return shorten(Py.repr(value));
  }

  /** A text cut after {@link #SHOWN} characters, saying how long it was. */
  static String shorten(String text) {
    if (text.length() <= SHOWN) {
      return text;
    }
    int cut = SHOWN;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "... (" + text.length() + " characters)";
  }
}
