package dev.chaos4j.core.extension;

import static dev.chaos4j.core.testing.ExtensionJars.classLoader;
import static dev.chaos4j.core.testing.ExtensionJars.jar;
import static dev.chaos4j.core.testing.ExtensionJars.registering;
import static dev.chaos4j.core.testing.ExtensionJars.withContextClassLoader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.testing.FakeExtension;
import dev.chaos4j.core.testing.LogCapture;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionLoaderTest {
  @TempDir Path dir;

  /** An extension whose constructor fails, as one missing a dependency of its own would. */
  public static final class Failing implements Extension {
    public Failing() {
      throw new IllegalStateException("no licence key");
    }

    @Override
    public String name() {
      return "failing";
    }

    @Override
    public String version() {
      return "0";
    }

    @Override
    public List<ActivityFunction> functions() {
      return List.of();
    }
  }

  @Test
  void loadsTheExtensionsTheClassLoaderRegistersInTheirOrder() throws Exception {
    try (URLClassLoader loader =
        registering(dir, FakeExtension.class.getName(), TestExtension.class.getName())) {
      assertThat(ExtensionLoader.load(loader))
          .extracting(Extension::name)
          .containsExactly("chaostoolkit-fake", "chaos4j-testing");
    }
  }

  @Test
  void eachBrokenRegistrationIsOneWarningAndTheOthersStillLoad() throws Exception {
    Path broken =
        jar(
            dir,
            "broken",
            "dev.chaos4j.core.extension.NoSuchExtension",
            ExtensionLoaderTest.class.getName(),
            Failing.class.getName(),
            FakeExtension.class.getName());
    Path malformed = jar(dir, "malformed", "not a class name!", "java.lang.Object");
    Path good = jar(dir, "good", TestExtension.class.getName());
    try (URLClassLoader loader = classLoader(broken, malformed, good);
        LogCapture log = LogCapture.ofThisThread()) {
      List<Extension> loaded = ExtensionLoader.load(loader);

      assertThat(loaded)
          .extracting(Extension::name)
          .containsExactly("chaostoolkit-fake", "chaos4j-testing");
      assertThat(log.warnings())
          .hasSize(4)
          .allSatisfy(
              w ->
                  assertThat(w)
                      .startsWith("Skipping an extension that cannot be loaded: ")
                      .doesNotContain("\n"));
      assertThat(String.join("\n", log.warnings()))
          .contains("NoSuchExtension not found")
          .contains(ExtensionLoaderTest.class.getName() + " not a subtype")
          .contains(Failing.class.getName() + " could not be instantiated")
          .contains("Illegal configuration-file syntax");
    }
  }

  @Test
  void installedIsLoadedOncePerContextClassLoader() throws Exception {
    try (URLClassLoader withFake = registering(dir, FakeExtension.class.getName());
        URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      List<Extension> first = withContextClassLoader(withFake, ExtensionLoader::installed);
      List<Extension> again = withContextClassLoader(withFake, ExtensionLoader::installed);
      List<Extension> none = withContextClassLoader(empty, ExtensionLoader::installed);

      assertThat(first).extracting(Extension::name).containsExactly("chaostoolkit-fake");
      assertThat(again).isSameAs(first);
      assertThat(none).isEmpty();
    }
  }

  @Test
  void withoutAContextClassLoaderCoresOwnLoaderIsSearched() throws Exception {
    List<Extension> viaCore =
        withContextClassLoader(Extension.class.getClassLoader(), ExtensionLoader::installed);
    List<Extension> viaNone = withContextClassLoader(null, ExtensionLoader::installed);

    assertThat(viaNone).isSameAs(viaCore);
  }
}
