package dev.chaos4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionTest {

  private static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static Object sub(Object data, Map<String, Object> configuration) {
    return Substitution.apply(data, configuration, Map.of());
  }

  @Test
  void replacesBracedAndUnbracedNames() {
    Map<String, Object> config = map("who", "world", "n", 5);

    assertThat(sub("hello ${who}", config)).isEqualTo("hello world");
    assertThat(sub("hello $who!", config)).isEqualTo("hello world!");
    assertThat(sub("$n/${n}", config)).isEqualTo("5/5");
  }

  @Test
  void unbracedNameEndsAtFirstCharacterOutsideIdentifier() {
    Map<String, Object> config = map("who", "world", "who_am", "me");

    assertThat(sub("$who-x", config)).isEqualTo("world-x");
    assertThat(sub("$who_am_i", config)).isEqualTo("$who_am_i");
    assertThat(sub("$who_am.i", config)).isEqualTo("me.i");
  }

  @Test
  void doubleDollarIsLiteralDollar() {
    Map<String, Object> config = map("x", "1");

    assertThat(sub("cost: $$5", config)).isEqualTo("cost: $5");
    assertThat(sub("$${x}", config)).isEqualTo("${x}");
    assertThat(sub("$$$x", config)).isEqualTo("$1");
    assertThat(sub("$$", config)).isEqualTo("$");
  }

  @Test
  void doubleDollarIsUnescapedEvenWithoutAnyConfiguration() {
    assertThat(Substitution.apply("a$$b", null, null)).isEqualTo("a$b");
  }

  @Test
  void wholeStringPlaceholderKeepsTheValueType() {
    List<Object> list = List.of(1, 2);
    Map<String, Object> dict = map("a", 1);
    Map<String, Object> config =
        map("i", 5, "f", 0.5, "b", true, "l", list, "d", dict, "nothing", null);

    assertThat(sub("${i}", config)).isEqualTo(5);
    assertThat(sub("${f}", config)).isEqualTo(0.5);
    assertThat(sub("${b}", config)).isEqualTo(true);
    assertThat(sub("${l}", config)).isSameAs(list);
    assertThat(sub("${d}", config)).isSameAs(dict);
    assertThat(sub("${nothing}", config)).isNull();
  }

  @Test
  void wholeStringUnbracedPlaceholderIsFormattedAsString() {
    // string.Template's full match only yields a key for the braced form
    assertThat(sub("$i", map("i", 5))).isEqualTo("5");
  }

  @Test
  void embeddedValuesAreFormattedLikePythonStr() {
    Map<String, Object> config =
        map(
            "b",
            true,
            "none",
            null,
            "f",
            5.0,
            "d",
            map("k", "v", "n", List.of(1, false)),
            "s",
            "it's");

    assertThat(sub("b=${b}", config)).isEqualTo("b=True");
    assertThat(sub("none=${none}", config)).isEqualTo("none=None");
    assertThat(sub("f=${f}", config)).isEqualTo("f=5.0");
    assertThat(sub("d=${d}", config)).isEqualTo("d={'k': 'v', 'n': [1, False]}");
    assertThat(sub("s=${s}", config)).isEqualTo("s=it's");
  }

  @Test
  void unknownNamesAndInvalidPlaceholdersStayAsWritten() {
    Map<String, Object> config = map("known", "k");

    assertThat(sub("${unknown}", config)).isEqualTo("${unknown}");
    assertThat(sub("$unknown and ${known}", config)).isEqualTo("$unknown and k");
    assertThat(sub("price $ 5 or $", config)).isEqualTo("price $ 5 or $");
    assertThat(sub("${not closed", config)).isEqualTo("${not closed");
    assertThat(sub("${a-b} ${a.b} $-x", config)).isEqualTo("${a-b} ${a.b} $-x");
  }

  @Test
  void namesThatAreNotIdentifiersAreNeverLookedUp() {
    Map<String, Object> config = map("1abc", "no", "été", "no", "a-b", "no");

    assertThat(sub("${1abc}", config)).isEqualTo("${1abc}");
    assertThat(sub("${été}", config)).isEqualTo("${été}");
    assertThat(sub("${a-b}", config)).isEqualTo("${a-b}");
    assertThat(sub("$1abc", config)).isEqualTo("$1abc");
  }

  @Test
  void lookupIsCaseSensitive() {
    assertThat(sub("${Name}", map("name", "x"))).isEqualTo("${Name}");
  }

  @Test
  void configurationWinsOverSecretsThenScopesInDeclarationOrder() {
    Map<String, Object> config = map("shared", "from-config");
    Map<String, Object> secrets =
        map(
            "first", map("shared", "from-first", "token", "t1"),
            "second", map("token", "t2", "only", "o2"));

    Substitution s = new Substitution(config, secrets);

    assertThat(s.apply("${shared}")).isEqualTo("from-config");
    assertThat(s.apply("${token}")).isEqualTo("t1");
    assertThat(s.apply("${only}")).isEqualTo("o2");
  }

  @Test
  void secretScopesThatAreNotMappingsAreSkipped() {
    Map<String, Object> secrets = map("odd", "a string scope", "real", map("k", "v"));

    assertThat(Substitution.apply("${k}", Map.of(), secrets)).isEqualTo("v");
  }

  @Test
  void recursesIntoMapsAndListsButNeverSubstitutesKeys() {
    Map<String, Object> config = map("k", "v", "n", 3);
    Map<String, Object> data =
        map(
            "${k}",
            "${k}",
            "nested",
            map("list", List.of("${n}", "x-${k}", List.of("$k"), 7, true)),
            "untouched",
            4.5);

    Object result = sub(data, config);

    assertThat(result)
        .isEqualTo(
            map(
                "${k}",
                "v",
                "nested",
                map("list", List.of(3, "x-v", List.of("v"), 7, true)),
                "untouched",
                4.5));
  }

  @Test
  void leavesTheOriginalDataUnchanged() {
    Map<String, Object> data = map("a", new ArrayList<>(List.of("${k}")));

    sub(data, map("k", "v"));

    assertThat(data).isEqualTo(map("a", List.of("${k}")));
  }

  @Test
  void valuesThatAreNotStringsMapsOrListsAreReturnedAsIs() {
    assertThat(sub(12, map("k", "v"))).isEqualTo(12);
    assertThat(sub(null, map("k", "v"))).isNull();
    assertThat(sub(false, map("k", "v"))).isEqualTo(false);
  }

  @Test
  void seesLaterChangesOfALiveConfigurationMap() {
    Map<String, Object> config = map("k", "before");
    Substitution s = new Substitution(config, Map.of());
    config.put("k", "after");

    assertThat(s.apply("${k}")).isEqualTo("after");
  }

  @Test
  void bytesAreEmbeddedWithPythonBytesRepr() {
    assertThat(sub("v=${b}", map("b", "hi".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isEqualTo("v=b'hi'");
  }
}
