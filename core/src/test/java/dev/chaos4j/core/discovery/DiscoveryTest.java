package dev.chaos4j.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.spi.Functions;
import dev.chaos4j.core.spi.SystemDiscovery;
import dev.chaos4j.core.testing.FakeExtension;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
  private static final String UUID4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private static final String ISO_UTC =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> reference() throws Exception {
    try (InputStream in =
        DiscoveryTest.class.getResourceAsStream("/reference/ctk-example-discovery.json")) {
      return (Map<String, Object>)
          Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void documentOfOneExtensionMatchesTheReferenceKeyByKey() throws Exception {
    Map<String, Object> expected = reference();
    Map<String, Object> doc = Discovery.of(new FakeExtension(), true);

    assertThat(doc.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(doc.get("chaoslib_version")).isEqualTo(expected.get("chaoslib_version"));
    assertThat((String) doc.get("id")).matches(UUID4);
    assertThat(doc.get("target")).isEqualTo("fake").isEqualTo(expected.get("target"));
    assertThat((String) doc.get("date")).matches(ISO_UTC);
    assertThat((String) expected.get("date")).matches(ISO_UTC);
    Map<String, Object> platform = (Map<String, Object>) doc.get("platform");
    assertThat(platform.keySet())
        .containsExactlyElementsOf(((Map<String, Object>) expected.get("platform")).keySet());
    assertThat(platform.get("system"))
        .isEqualTo(dev.chaos4j.core.run.Platform.system(System.getProperty("os.name")));
    assertThat(platform.get("python")).isNull();
    assertThat(doc.get("extension")).isEqualTo(expected.get("extension"));
    // The fake declares its functions out of order: the reference's order comes from sorting.
    assertThat(doc.get("activities")).isEqualTo(expected.get("activities"));
    assertThat(doc.get("system")).isEqualTo(expected.get("system"));
  }

  @Test
  void documentSurvivesAJsonRoundTripUnchanged() throws Exception {
    Map<String, Object> doc = Discovery.of(new FakeExtension(), true);

    assertThat(Json.parse(Json.pretty(doc))).isEqualTo(doc);
  }

  @Test
  void withoutSystemInfoTheSystemEntryIsNull() {
    Map<String, Object> doc = Discovery.of(new FakeExtension(), false);

    assertThat(doc).containsEntry("system", null);
  }

  @Test
  void aFailingSystemDiscoveryLeavesTheSystemEntryNull() {
    Map<String, Object> doc = Discovery.of(new BrokenSystem(), true);

    assertThat(doc).containsEntry("system", null);
    assertThat(doc.get("activities")).asList().hasSize(1);
  }

  @Test
  void modulesKeepTheExtensionsOrderAndFunctionsAreSortedWithinEachModule() {
    Extension ext =
        extension(
            "chaostoolkit-order",
            Functions.action("z.actions", "b").body(a -> null),
            Functions.probe("a.probes", "y").body(a -> null),
            Functions.action("z.actions", "a").body(a -> null),
            Functions.probe("a.probes", "x").body(a -> null));

    List<Object> activities = Discovery.activities(ext);

    assertThat(activities)
        .extracting(a -> ((Map<?, ?>) a).get("mod") + "." + ((Map<?, ?>) a).get("name"))
        .containsExactly("z.actions.a", "z.actions.b", "a.probes.x", "a.probes.y");
  }

  @Test
  void anActivityWithoutReturnTypeHasNoReturnTypeKeyAndRequiredArgumentsNoDefault() {
    Map<String, Object> activity =
        Discovery.activity(
            Functions.action("m", "f")
                .required("a", "string")
                .optional("b", "integer", 2)
                .doc("Does f.")
                .body(x -> null));

    assertThat(activity)
        .containsOnlyKeys("type", "name", "mod", "doc", "arguments")
        .containsEntry("type", "action")
        .containsEntry(
            "arguments",
            List.of(
                Map.of("name", "a", "type", "string"),
                Map.of("name", "b", "default", 2, "type", "integer")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void documentOfAllExtensionsConcatenatesThemUnderOneName() {
    Extension other =
        extension("chaostoolkit-other", Functions.probe("chaosother.probes", "p").body(a -> 1));

    Map<String, Object> doc =
        Discovery.ofAll("chaos4j", "1.2.3", List.of(new FakeExtension(), other), true);

    assertThat(doc.get("target")).isEqualTo("chaos4j");
    assertThat(doc.get("extension")).isEqualTo(Map.of("name", "chaos4j", "version", "1.2.3"));
    assertThat((List<Map<String, Object>>) doc.get("activities"))
        .extracting(a -> a.get("name"))
        .containsExactly("count_items", "service_is_up", "restart", "p");
    assertThat(doc.get("system")).isEqualTo(Map.of("chaostoolkit-fake", Map.of("nodes", 1)));
    assertThat(Discovery.ofAll("chaos4j", "1", List.of(other), true)).containsEntry("system", null);
  }

  @Test
  void targetDropsTheReferencePrefixOnly() {
    assertThat(Discovery.target("chaostoolkit-kubernetes")).isEqualTo("kubernetes");
    assertThat(Discovery.target("my-extension")).isEqualTo("my-extension");
    assertThat(Discovery.target("chaostoolkit-")).isEqualTo("chaostoolkit-");
  }

  @Test
  void datesArePythonIsoformatInUtc() {
    assertThat(Discovery.isoDate(Instant.parse("2026-11-22T01:59:42.377974123Z")))
        .isEqualTo("2026-11-22T01:59:42.377974+00:00");
    assertThat(Discovery.isoDate(Instant.parse("2026-11-22T01:59:42.000000999Z")))
        .isEqualTo("2026-11-22T01:59:42+00:00");
  }

  @Test
  void platformNamesFollowPython() {
    assertThat(dev.chaos4j.core.run.Platform.system("Mac OS X")).isEqualTo("Darwin");
    assertThat(dev.chaos4j.core.run.Platform.system("Windows 11")).isEqualTo("Windows");
    assertThat(dev.chaos4j.core.run.Platform.system("Linux")).isEqualTo("Linux");
    assertThat(dev.chaos4j.core.run.Platform.machine("Linux", "amd64")).isEqualTo("x86_64");
    assertThat(dev.chaos4j.core.run.Platform.machine("Windows", "amd64")).isEqualTo("AMD64");
    assertThat(dev.chaos4j.core.run.Platform.machine("Darwin", "aarch64")).isEqualTo("arm64");
    assertThat(dev.chaos4j.core.run.Platform.machine("Linux", "aarch64")).isEqualTo("aarch64");
  }

  static Extension extension(String name, ActivityFunction... functions) {
    return new Extension() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String version() {
        return "1.0";
      }

      @Override
      public List<ActivityFunction> functions() {
        return List.of(functions);
      }
    };
  }

  private static final class BrokenSystem implements Extension, SystemDiscovery {
    @Override
    public String name() {
      return "chaostoolkit-broken";
    }

    @Override
    public String version() {
      return "1.0";
    }

    @Override
    public List<ActivityFunction> functions() {
      return List.of(Functions.probe("chaosbroken.probes", "p").body(a -> null));
    }

    @Override
    public Object discoverSystem() throws IOException {
      throw new IOException("connection refused");
    }
  }
}
