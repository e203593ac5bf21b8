package dev.chaos4j.middleware.internal;

/**
 * Wildcard matching of a string against a pattern where {@code *} matches any run of characters and
 * {@code ?} one character; linear in practice, and allocation-free. A {@linkplain #compile
 * compiled} glob first checks what any match needs (its literal text, its literal prefix and
 * suffix, a least length), so most values that do not match are turned down without running the
 * matcher.
 */
public final class Glob {

  private final String pattern;
  private final boolean literal;
  private final String prefix;
  private final String suffix;
  private final int minLength;
  private final boolean oneStar;

  private Glob(String pattern) {
    this.pattern = pattern;
    int first = firstWildcard(pattern);
    this.literal = first < 0;
    this.prefix = literal ? pattern : pattern.substring(0, first);
    int last = Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'));
    this.suffix = literal ? pattern : pattern.substring(last + 1);
    int stars = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '*') {
        stars++;
      }
    }
    this.minLength = pattern.length() - stars;
    this.oneStar = stars == 1 && pattern.indexOf('?') < 0;
  }

  /** A glob ready to match many values. */
  public static Glob compile(String pattern) {
    return new Glob(pattern);
  }

  /** Whether the whole of {@code value} matches. */
  public boolean matches(String value) {
    if (literal) {
      return pattern.equals(value);
    }
    return value.length() >= minLength
        && value.startsWith(prefix)
        && value.endsWith(suffix)
        // With one '*', its prefix and suffix (which cannot overlap, given the length) are all.
        && (oneStar || matches(pattern, value, 0, value.length()));
  }

  @Override
  public String toString() {
    return pattern;
  }

  /** Whether the whole of {@code value} matches {@code pattern}. */
  public static boolean matches(String pattern, String value) {
    return matches(pattern, value, 0, value.length());
  }

  /** Whether {@code value[start, end)} matches the whole of {@code pattern}. */
  public static boolean matches(String pattern, String value, int start, int end) {
    int pi = 0;
    int vi = start;
    int starPi = -1;
    int starVi = -1;
    int plen = pattern.length();
    while (vi < end) {
      char p = pi < plen ? pattern.charAt(pi) : 0;
      if (pi < plen && p != '*' && (p == '?' || p == value.charAt(vi))) {
        pi++;
        vi++;
      } else if (pi < plen && p == '*') {
        starPi = pi++;
        starVi = vi;
      } else if (starPi >= 0) {
        pi = starPi + 1;
        vi = ++starVi;
      } else {
        return false;
      }
    }
    while (pi < plen && pattern.charAt(pi) == '*') {
      pi++;
    }
    return pi == plen;
  }

  private static int firstWildcard(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        return i;
      }
    }
    return -1;
  }
}
