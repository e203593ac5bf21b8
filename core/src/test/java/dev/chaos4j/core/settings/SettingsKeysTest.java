package dev.chaos4j.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.value.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsKeysTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> settings() {
    return (Map<String, Object>)
        Json.parseTrusted(
            """
            {
              "auths": {
                "example.com": {"type": "bearer", "value": "abc"},
                "localhost:8081": {"type": "basic", "value": "xyz"}
              },
              "notifications": [
                {"type": "http", "url": "http://a", "events": ["run-failed"]},
                {"type": "http", "url": "http://b"}
              ],
              "empty": null,
              "a\\\\b": 1
            }
            """);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void topLevelKeyGivesTheWholeEntry() {
    assertThat(SettingsKeys.get(settings(), "auths")).isInstanceOf(Map.class);
    assertThat(asMap(SettingsKeys.get(settings(), "auths"))).hasSize(2);
  }

  @Test
  void escapedDotsBelongToTheName() {
    assertThat(SettingsKeys.get(settings(), "auths.example\\.com.type")).isEqualTo("bearer");
    assertThat(SettingsKeys.get(settings(), "auths.localhost:8081.value")).isEqualTo("xyz");
  }

  @Test
  void unescapedDotInAHostNameDoesNotFindIt() {
    assertThatThrownBy(() -> SettingsKeys.get(settings(), "auths.example.com"))
        .isInstanceOf(MissingSettingsEntry.class)
        .hasMessage("no settings entry at key 'auths.example.com'");
  }

  @Test
  void indexSelectsAListElement() {
    assertThat(SettingsKeys.get(settings(), "notifications[1].url")).isEqualTo("http://b");
    assertThat(SettingsKeys.get(settings(), "notifications[0].events[0]")).isEqualTo("run-failed");
  }

  @Test
  void indexPastTheEndIsMissing() {
    assertThat(SettingsKeys.contains(settings(), "notifications[2]")).isFalse();
    assertThat(SettingsKeys.contains(settings(), "notifications[99999999999]")).isFalse();
  }

  @Test
  void indexOnAMappingOrANameOnAListIsMissing() {
    assertThat(SettingsKeys.contains(settings(), "auths[0]")).isFalse();
    assertThat(SettingsKeys.contains(settings(), "notifications.type")).isFalse();
    assertThat(SettingsKeys.contains(settings(), "auths.example\\.com.type.more")).isFalse();
  }

  @Test
  void emptyIndexIsAPlainNameNotAnIndex() {
    assertThat(SettingsKeys.contains(settings(), "notifications[]")).isFalse();
  }

  @Test
  void backslashesAreDroppedFromNames() {
    // as the reference: every backslash is an escape, so "a\b" is looked up as "ab"
    assertThat(SettingsKeys.contains(settings(), "a\\b")).isFalse();
    assertThat(SettingsKeys.names("a\\b.c\\.d[2]")).containsExactly("ab", "c.d[2]");
  }

  @Test
  void entryWithoutValueExistsAndIsNull() {
    assertThat(SettingsKeys.contains(settings(), "empty")).isTrue();
    assertThat(SettingsKeys.get(settings(), "empty")).isNull();
  }

  @Test
  void missingTopLevelKeyAndEmptyKeyAreMissing() {
    assertThat(SettingsKeys.contains(settings(), "nope")).isFalse();
    assertThat(SettingsKeys.contains(settings(), "")).isFalse();
    assertThat(SettingsKeys.contains(settings(), "auths.")).isFalse();
  }

  @Test
  void setReplacesAMappingValue() {
    Map<String, Object> s = settings();
    SettingsKeys.set(s, "auths.example\\.com.value", "new");
    assertThat(SettingsKeys.get(s, "auths.example\\.com"))
        .isEqualTo(Map.of("type", "bearer", "value", "new"));
  }

  @Test
  void setReplacesAListElement() {
    Map<String, Object> s = settings();
    SettingsKeys.set(s, "notifications[0]", List.of(1, 2));
    assertThat(SettingsKeys.get(s, "notifications[0]")).isEqualTo(List.of(1, 2));
    assertThat((List<?>) SettingsKeys.get(s, "notifications")).hasSize(2);
  }

  @Test
  void setNeverCreatesAKey() {
    Map<String, Object> s = settings();
    assertThatThrownBy(() -> SettingsKeys.set(s, "auths.other\\.org", Map.of()))
        .isInstanceOf(MissingSettingsEntry.class);
    assertThat(asMap(s.get("auths"))).doesNotContainKey("other.org");
  }

  @Test
  void removeDropsAKeyAndItsChildren() {
    Map<String, Object> s = settings();
    Object removed = SettingsKeys.remove(s, "auths.localhost:8081");
    assertThat(removed).isEqualTo(Map.of("type", "basic", "value", "xyz"));
    assertThat(asMap(s.get("auths"))).containsOnlyKeys("example.com");
  }

  @Test
  void removeDropsTheElementAtTheIndexEvenWhenAnEarlierOneIsEqual() {
    Map<String, Object> s = asMap(Json.parseTrusted("{\"l\": [1, 2, 1]}"));
    SettingsKeys.remove(s, "l[2]");
    assertThat(s.get("l")).isEqualTo(List.of(1, 2));
  }

  @Test
  void removeOfAMissingKeyChangesNothing() {
    Map<String, Object> s = settings();
    assertThatThrownBy(() -> SettingsKeys.remove(s, "notifications[5]"))
        .isInstanceOf(MissingSettingsEntry.class);
    assertThat(s).isEqualTo(settings());
  }
}
