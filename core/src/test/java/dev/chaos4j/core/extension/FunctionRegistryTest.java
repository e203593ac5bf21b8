package dev.chaos4j.core.extension;

import static dev.chaos4j.core.testing.ExtensionJars.registering;
import static dev.chaos4j.core.testing.ExtensionJars.withContextClassLoader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.spi.Functions;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionRegistryTest {
  @TempDir Path dir;

  @Test
  void installedRegistryFindsExtensionsDeclaredInMetaInfServices() throws Exception {
    try (URLClassLoader loader = registering(dir, TestExtension.class.getName())) {
      FunctionRegistry registry = withContextClassLoader(loader, FunctionRegistry::installed);

      assertThat(registry.extensions()).singleElement().isInstanceOf(TestExtension.class);
      assertThat(registry.function(TestExtension.PROBES, "echo")).isPresent();
      assertThat(withContextClassLoader(loader, FunctionRegistry::installed)).isSameAs(registry);
    }
  }

  @Test
  void looksFunctionsUpByModuleAndName() {
    FunctionRegistry registry = FunctionRegistry.of(List.of(new TestExtension()));

    assertThat(registry.function(TestExtension.PROBES, "echo"))
        .hasValueSatisfying(f -> assertThat(f.name()).isEqualTo("echo"));
    assertThat(registry.function(TestExtension.PROBES, "nope")).isEmpty();
    assertThat(registry.function("os.path", "exists")).isEmpty();
    assertThat(registry.hasModule(TestExtension.ACTIONS)).isTrue();
    assertThat(registry.hasModule("chaos4j.testing")).isFalse();
  }

  @Test
  void listsModuleNamesSorted() {
    FunctionRegistry registry =
        FunctionRegistry.of(
            List.of(
                extension("z", probe("zeta.probes", "a")), extension("a", probe("alpha", "b"))));

    assertThat(registry.moduleNames()).containsExactly("alpha", "zeta.probes");
    assertThat(FunctionRegistry.of(List.of()).moduleNames()).isEmpty();
  }

  @Test
  void firstRegistrationOfAFunctionWins() {
    ActivityFunction first = probe("m", "f");
    ActivityFunction second = probe("m", "f");
    FunctionRegistry registry =
        FunctionRegistry.of(List.of(extension("one", first), extension("two", second)));

    assertThat(registry.function("m", "f")).containsSame(first);
    assertThat(registry.extensions()).hasSize(2);
  }

  private static ActivityFunction probe(String module, String name) {
    return Functions.probe(module, name).body(args -> null);
  }

  private static Extension extension(String name, ActivityFunction... functions) {
    return new Extension() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String version() {
        return "0";
      }

      @Override
      public List<ActivityFunction> functions() {
        return List.of(functions);
      }
    };
  }
}
