package dev.chaos4j.middleware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Anchored route patterns and globs. */
class PathPatternTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "/api/orders, /api/orders, true",
    "/api/orders, /api/orders/, false",
    "/api/orders, /v2/api/orders, false",
    "/api/orders, /api/orders/1, false",
    "/api/orders, /api/order, false",
    "/, /, true",
    "/, /x, false",
    "/**, /, true",
    "/**, /a/b/c, true",
    "/api/**, /api, true",
    "/api/**, /api/, true",
    "/api/**, /api/a/b, true",
    "/api/**, /apix, false",
    "/api/*, /api/orders, true",
    "/api/*, /api/orders/1, false",
    "/api/*, /api, false",
    "/api/{id}/items, /api/42/items, true",
    "/api/{id}/items, /api/42/items/1, false",
    "/a/**/c, /a/c, true",
    "/a/**/c, /a/b/c, true",
    "/a/**/c, /a/b/x/c, true",
    "/a/**/c, /a/b/c/d, false",
    "/**/c, /x/y/c, true",
    "/files/*.json, /files/a.json, true",
    "/files/*.json, /files/a.jsonx, false",
    "/files/*.json, /files/dir/a.json, false",
    "/v?/x, /v2/x, true",
    "/v?/x, /v10/x, false",
    "/a/**/b/**/c, /a/1/b/2/3/c, true",
    "/a/**/b/**/c, /a/1/2/c, false",
    "/**/c, /c, true",
    "/a/**/c, /a/c/, false",
    "/**/*.csv, /a.csv, true",
    "/**/*.csv, /reports/2024/a.csv, true",
    "/**/*.csv, /reports/a.csvx, false",
    "/api/*/export, /api/users/export, true",
    "/api/*/export, /api/users/exports, false",
    "/api/*/export, /api/export, false",
    "/api/{id}, /api/42, true",
    "/files/?.json, /files/a.json, true",
    "/files/?.json, /files/.json, false",
    "/api/, /api/, true",
    "/api/, /api, false",
  })
  void matchesTheWholePath(String pattern, String path, boolean expected) {
    assertThat(PathPattern.compile(pattern).matches(path)).isEqualTo(expected);
  }

  @Test
  void refusesPatternsItCannotMatchSensibly() {
    assertThatThrownBy(() -> PathPattern.compile("api"))
        .hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> PathPattern.compile("/a//b")).hasMessageContaining("empty segment");
    assertThatThrownBy(() -> PathPattern.compile("/a**")).hasMessageContaining("whole segment");
    assertThatThrownBy(() -> PathPattern.compile("/a{id}")).hasMessageContaining("whole segment");
    assertThatThrownBy(() -> PathPattern.compile("/" + "*/".repeat(17)))
        .hasMessageContaining("more than 16 wildcards");
    assertThatThrownBy(() -> PathPattern.compile("/" + "a".repeat(600)))
        .hasMessageContaining("longer than");
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "acme, acme, true",
    "acme, acme2, false",
    "acme-*, acme-eu, true",
    "acme-*, acme-, true",
    "*, '', true",
    "a*b*c, aXXbYYc, true",
    "a*b*c, aXXbYY, false",
    "a?c, abc, true",
    "a?c, ac, false",
  })
  void globsMatchWholeValues(String glob, String value, boolean expected) {
    assertThat(Glob.matches(glob, value)).isEqualTo(expected);
    assertThat(Glob.compile(glob).matches(value)).isEqualTo(expected);
  }

  /**
   * The shortcuts (literal prefix and suffix, least length, whole-segment '*') must never change an
   * answer: every pattern is checked against a regular expression written from its syntax, over
   * paths made of the same pieces.
   */
  @Test
  void routesAgreeWithARegularExpressionOfThePattern() {
    List<String> patterns =
        List.of(
            "/",
            "/**",
            "/a",
            "/a/",
            "/a/b",
            "/a/*",
            "/a/{id}",
            "/a/**",
            "/**/b",
            "/a/**/b",
            "/*/b",
            "/a/*/b",
            "/**/*.csv",
            "/a*",
            "/*a",
            "/a?",
            "/?",
            "/a/**/b/**/c",
            "/**/a/**",
            "/*/*",
            "/a.csv",
            "/*.csv/b");
    List<String> pieces = List.of("a", "b", "c", "", "a.csv", "ab", "ba", "x");
    List<String> paths = new ArrayList<>(List.of("/"));
    for (int depth = 0; depth < 3; depth++) {
      List<String> longer = new ArrayList<>();
      for (String path : paths) {
        for (String piece : pieces) {
          longer.add((path.equals("/") ? "" : path) + "/" + piece);
        }
      }
      paths.addAll(longer.stream().filter(p -> !paths.contains(p)).distinct().toList());
    }
    for (String pattern : patterns) {
      PathPattern route = PathPattern.compile(pattern);
      Pattern regex = regexOf(pattern);
      for (String path : paths) {
        assertThat(route.matches(path))
            .as("%s ~ %s", pattern, path)
            .isEqualTo(regex.matcher(path).matches());
      }
    }
  }

  @Test
  void globsAgreeWithARegularExpressionOfThePattern() {
    List<String> globs =
        List.of("", "a", "*", "?", "a*", "*a", "a*a", "a?a", "*.svc", "10.0.*", "*a*", "a*b*a");
    List<String> values = new ArrayList<>(List.of(""));
    for (int length = 0; length < 4; length++) {
      List<String> longer = new ArrayList<>();
      for (String value : values) {
        for (String c : List.of("a", "b", ".", "1")) {
          longer.add(value + c);
        }
      }
      values.addAll(longer.stream().filter(v -> !values.contains(v)).toList());
    }
    values.addAll(List.of("x.svc", "10.0.1", ".svc", "svc"));
    for (String glob : globs) {
      Glob compiled = Glob.compile(glob);
      Pattern regex = Pattern.compile(globRegex(glob, "."));
      for (String value : values) {
        assertThat(compiled.matches(value))
            .as("%s ~ %s", glob, value)
            .isEqualTo(regex.matcher(value).matches());
      }
    }
  }

  private static Pattern regexOf(String route) {
    StringBuilder regex = new StringBuilder();
    String[] segments = route.substring(1).split("/", -1);
    for (String segment : segments) {
      if (segment.equals("**")) {
        regex.append("(?:/[^/]*)*");
      } else if (segment.startsWith("{") && segment.endsWith("}")) {
        regex.append("/[^/]*");
      } else {
        regex.append('/').append(globRegex(segment, "[^/]"));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static String globRegex(String glob, String oneChar) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(oneChar).append('*');
        case '?' -> regex.append(oneChar);
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
