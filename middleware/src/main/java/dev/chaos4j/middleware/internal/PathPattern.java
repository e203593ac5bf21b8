package dev.chaos4j.middleware.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An anchored route pattern, matched against the whole request path (relative to the application's
 * context path) without allocating.
 *
 * <p>Syntax, per path segment: literal text; {@code *} for any run of characters within a segment;
 * {@code ?} for one character; {@code {name}} for a whole segment (a template variable, like {@code
 * *}); {@code **} alone for any number of segments, including none. So {@code /api/orders} matches
 * only that path, {@code /api/orders/*} one level below it, {@code /api/**} everything under {@code
 * /api} and {@code /api} itself, {@code /**} every path.
 */
public final class PathPattern {

  /** Long patterns are refused: matching cost must stay small and predictable. */
  public static final int MAX_LENGTH = 512;

  private static final int MAX_WILDCARDS = 16;

  private final String source;
  private final String literalPrefix;
  private final String literalSuffix;
  private final Segment[] segments;

  /** No wildcard at all: the path must be the pattern. */
  private final boolean literal;

  /**
   * The first segment, and where it starts in a path, that the literal prefix has not already
   * checked: the segment matcher starts there.
   */
  private final int firstSegment;

  private final int firstSegmentStart;

  private PathPattern(String source, Segment[] segments) {
    this.source = source;
    this.literalPrefix = literalPrefix(source);
    this.literalSuffix = literalSuffix(source);
    this.segments = segments;
    this.literal = literalPrefix.length() == source.length();
    int slashes = 0;
    for (int i = 0; i < literalPrefix.length(); i++) {
      if (literalPrefix.charAt(i) == '/') {
        slashes++;
      }
    }
    this.firstSegment = Math.max(0, slashes - 1);
    this.firstSegmentStart = slashes == 0 ? 1 : literalPrefix.lastIndexOf('/') + 1;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static PathPattern compile(String pattern) {
    if (pattern.isEmpty() || pattern.charAt(0) != '/') {
      throw new IllegalArgumentException("route '" + pattern + "' must start with '/'");
    }
    if (pattern.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("route is longer than " + MAX_LENGTH + " characters");
    }
    List<Segment> segments = new ArrayList<>();
    int wildcards = 0;
    String[] parts = pattern.substring(1).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() && i < parts.length - 1) {
        throw new IllegalArgumentException("route '" + pattern + "' has an empty segment ('//')");
      }
      if (part.equals("**")) {
        segments.add(Segment.ANY_SEGMENTS);
        wildcards++;
        continue;
      }
      if (part.contains("**")) {
        throw new IllegalArgumentException(
            "route '" + pattern + "': '**' must be a whole segment, as in /api/**");
      }
      if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
        part = "*";
      } else if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
        throw new IllegalArgumentException(
            "route '" + pattern + "': a template variable must be a whole segment, as in /{id}");
      }
      for (int c = 0; c < part.length(); c++) {
        if (part.charAt(c) == '*' || part.charAt(c) == '?') {
          wildcards++;
        }
      }
      segments.add(new Segment(part));
    }
    if (wildcards > MAX_WILDCARDS) {
      throw new IllegalArgumentException(
          "route '" + pattern + "' has more than " + MAX_WILDCARDS + " wildcards");
    }
    return new PathPattern(pattern, segments.toArray(new Segment[0]));
  }

  /** The pattern as written. */
  public String source() {
    return source;
  }

  /**
   * Whether the whole path (which starts with '/') matches. Most paths that do not match are turned
   * down by the pattern's literal prefix or suffix, before any segment is looked at; segments
   * within the literal prefix are not looked at again.
   */
  public boolean matches(String path) {
    // Kept apart from the segment matcher so that the JIT inlines it where routes are checked.
    if (literal) {
      return path.equals(source);
    }
    return path.startsWith(literalPrefix) && path.endsWith(literalSuffix) && matchesSegments(path);
  }

  private boolean matchesSegments(String path) {
    int length = path.length();
    if (length == 0 || path.charAt(0) != '/') {
      return false;
    }
    Segment[] segs = segments;
    int pi = firstSegment;
    int pos = firstSegmentStart;
    int starPi = -1;
    int starPos = -1;
    // Greedy matching with one backtrack point per '**', over segments found by index: no split.
    while (pos <= length) {
      int end = path.indexOf('/', pos);
      if (end < 0) {
        end = length;
      }
      if (pi < segs.length) {
        Segment seg = segs[pi];
        if (seg == Segment.ANY_SEGMENTS) {
          starPi = pi++;
          starPos = pos;
          continue;
        }
        if (seg.matches(path, pos, end)) {
          pi++;
          pos = end + 1;
          continue;
        }
      }
      if (starPi < 0) {
        return false;
      }
      pi = starPi + 1;
      int next = path.indexOf('/', starPos);
      starPos = (next < 0 ? length : next) + 1;
      pos = starPos;
    }
    while (pi < segs.length && segs[pi] == Segment.ANY_SEGMENTS) {
      pi++;
    }
    return pi == segs.length;
  }

  @Override
  public String toString() {
    return source;
  }

  private static String literalPrefix(String pattern) {
    int i = 0;
    while (i < pattern.length() && "*?{".indexOf(pattern.charAt(i)) < 0) {
      i++;
    }
    // A trailing '/**' also matches nothing at all: '/api/**' matches '/api'.
    if (pattern.startsWith("**", i) && i > 0) {
      i--;
    }
    return pattern.substring(0, i);
  }

  /**
   * The literal text every matching path ends with: what follows the pattern's last wildcard. Every
   * wildcard, '**' included, stands for text that ends before it, so that text is matched as is.
   */
  private static String literalSuffix(String pattern) {
    int i = pattern.length();
    while (i > 0 && "*?}".indexOf(pattern.charAt(i - 1)) < 0) {
      i--;
    }
    return pattern.substring(i);
  }

  /** One segment of a pattern: literal text, or a glob with '*' and '?' within the segment. */
  private static final class Segment {
    static final Segment ANY_SEGMENTS = new Segment("**");

    private final String text;
    private final boolean literal;
    private final boolean anyText;

    Segment(String text) {
      this.text = text;
      this.literal = text.indexOf('*') < 0 && text.indexOf('?') < 0;
      this.anyText = text.equals("*");
    }

    boolean matches(String path, int start, int end) {
      if (literal) {
        return end - start == text.length() && path.regionMatches(start, text, 0, text.length());
      }
      return anyText || Glob.matches(text, path, start, end);
    }
  }
}
