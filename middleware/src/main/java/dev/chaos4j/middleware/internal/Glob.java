package dev.chaos4j.middleware.internal;

/**
 * Wildcard matching of a region of a string against a pattern where {@code *} matches any run of
 * characters and {@code ?} one character; linear in practice, and allocation-free.
 */
public final class Glob {

  private Glob() {}

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
}
