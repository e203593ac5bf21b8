package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.discovery.Discovery;
import dev.chaos4j.core.discovery.InstalledExtensions;
import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.ActivityType;
import dev.chaos4j.core.spi.Argument;
import dev.chaos4j.core.spi.Extension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ToxiproxyExtensionTest {
  private final Extension extension = new ToxiproxyExtension();

  private Map<String, TreeSet<String>> functionsByModule() {
    return extension.functions().stream()
        .collect(
            Collectors.groupingBy(
                ActivityFunction::module,
                LinkedHashMap::new,
                Collectors.mapping(ActivityFunction::name, Collectors.toCollection(TreeSet::new))));
  }

  private ActivityFunction function(String module, String name) {
    return FunctionRegistry.of(List.of(extension)).function(module, name).orElseThrow();
  }

  private static String signature(ActivityFunction function) {
    return function.arguments().stream()
        .map(a -> a.required() ? a.name() : a.name() + "=" + a.defaultValue())
        .collect(Collectors.joining(", "));
  }

  @Test
  void itIsFoundOnTheClassPathUnderTheReferencesName() {
    Extension found = InstalledExtensions.load().find("chaostoolkit-toxiproxy");

    assertThat(found).isInstanceOf(ToxiproxyExtension.class);
    assertThat(FunctionRegistry.installed().hasModule("chaostoxi.toxic.actions")).isTrue();
  }

  private static final List<String> PROXY_ACTIONS =
      List.of(
          "create_proxy", "modify_proxy", "disable_proxy", "enable_proxy", "delete_proxy", "reset");

  private static final List<String> TOXIC_ACTIONS =
      List.of(
          "create_toxic",
          "create_latency_toxic",
          "create_bandwith_degradation_toxic",
          "create_slow_connection_close_toxic",
          "create_timeout_toxic",
          "create_slicer_toxic",
          "create_limiter_toxic",
          "delete_toxic",
          "update_toxic");

  private static TreeSet<String> names(List<String> names, String... more) {
    TreeSet<String> all = new TreeSet<>(names);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void itHasTheReferencesModulesAndFunctionsPlusChaos4jsAdditions() {
    assertThat(functionsByModule())
        .containsExactly(
            Map.entry("chaostoxi.proxy.actions", names(PROXY_ACTIONS)),
            Map.entry(
                "chaostoxi.proxy.probes", names(List.of("proxy_exist", "get_proxy_attribute"))),
            Map.entry("chaostoxi.toxic.actions", names(TOXIC_ACTIONS)),
            Map.entry(
                "chaostoxi.toxic.probes",
                names(List.of("get_toxics", "toxic_exists", "get_toxic_attribute"))),
            Map.entry(
                "toxiproxy.proxy.actions", names(PROXY_ACTIONS, "create_toxic", "delete_toxic")),
            Map.entry("toxiproxy.toxic.actions", names(TOXIC_ACTIONS)));
  }

  @Test
  void theArgumentsAndDefaultsAreTheReferences() {
    assertThat(signature(function("chaostoxi.proxy.actions", "create_proxy")))
        .isEqualTo(
            "proxy_name, upstream_host, upstream_port, listen_host=0.0.0.0, listen_port=0,"
                + " enabled=true, configuration=null");
    assertThat(signature(function("chaostoxi.proxy.actions", "modify_proxy")))
        .isEqualTo(
            "proxy_name, listen_address=null, upstream_address=null, enabled=null,"
                + " configuration=null");
    assertThat(signature(function("chaostoxi.toxic.actions", "create_toxic")))
        .isEqualTo(
            "for_proxy, toxic_name, toxic_type, stream=downstream, toxicity=1.0,"
                + " attributes=null, configuration=null");
    assertThat(signature(function("chaostoxi.toxic.actions", "create_latency_toxic")))
        .isEqualTo("for_proxy, toxic_name, latency, jitter=0, configuration=null");
    assertThat(signature(function("chaostoxi.toxic.actions", "create_slicer_toxic")))
        .isEqualTo(
            "for_proxy, toxic_name, average_size, size_variation, delay, configuration=null");
    assertThat(signature(function("chaostoxi.toxic.actions", "create_limiter_toxic")))
        .isEqualTo("for_proxy, toxic_name, bytes_limit, configuration=null");
    assertThat(signature(function("chaostoxi.proxy.actions", "reset")))
        .isEqualTo("configuration=null");
    assertThat(signature(function("toxiproxy.proxy.actions", "create_toxic")))
        .isEqualTo(
            "for_proxy, toxic_name, toxic_type=null, stream=downstream, toxicity=1.0,"
                + " attributes=null, configuration=null");
  }

  @Test
  void everyFunctionTakesTheConfigurationAndIsDocumented() {
    for (ActivityFunction f : extension.functions()) {
      assertThat(f.arguments())
          .as(f.toString())
          .extracting(Argument::name)
          .endsWith("configuration");
      assertThat(f.doc()).as(f.toString()).isNotBlank();
      assertThat(f.type())
          .as(f.toString())
          .isEqualTo(f.module().endsWith(".probes") ? ActivityType.PROBE : ActivityType.ACTION);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void discoveryDescribesTheFunctionsUnderTheToxiproxyTarget() {
    Map<String, Object> document = Discovery.of(extension, true);

    assertThat(document).containsEntry("target", "toxiproxy").containsEntry("system", null);
    List<Map<String, Object>> activities = (List<Map<String, Object>>) document.get("activities");
    assertThat(activities)
        .filteredOn(a -> a.get("name").equals("create_bandwith_degradation_toxic"))
        .extracting(a -> a.get("mod"))
        .containsExactly("chaostoxi.toxic.actions", "toxiproxy.toxic.actions");
    Map<String, Object> exist =
        activities.stream().filter(a -> a.get("name").equals("proxy_exist")).findFirst().get();
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("name", "configuration");
    configuration.put("default", null);
    configuration.put("type", "mapping");
    assertThat(exist)
        .containsEntry("type", "probe")
        .containsEntry("return_type", "boolean")
        .containsEntry(
            "arguments", List.of(Map.of("name", "proxy_name", "type", "string"), configuration));
  }
}
