package dev.chaos4j.core.extension;

import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.Extension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The installed extensions: every {@link Extension} registered in a {@code
 * META-INF/services/dev.chaos4j.core.spi.Extension} file. The one place chaos4j loads them; the
 * {@link FunctionRegistry}, {@code chaos discover} and {@code chaos info extensions} all read this
 * list.
 *
 * <p>Extensions are looked up through the current thread's context class loader, as {@link
 * ServiceLoader#load(Class)} does, falling back to core's own class loader when there is none. In
 * the command line both are the application class loader. An application that embeds the engine
 * (where core may sit in a parent loader that cannot see the extension jars), or a test, makes
 * extensions it adds at run time visible by setting the context class loader to a loader that sees
 * them. The {@code java} provider's class paths hold activities, not extensions, and are not
 * searched; it never changes the context class loader.
 */
public final class ExtensionLoader {
  private static final Log LOG = Log.of(ExtensionLoader.class);

  /**
   * The class loader of the last load, and what it found: one load per command line run. Only the
   * last is kept, so the class loaders of earlier tests or redeployed applications can be freed.
   */
  private static ClassLoader loadedFrom;

  private static List<Extension> loaded;

  private ExtensionLoader() {}

  /**
   * The extensions the context class loader registers, in the order found. They are loaded on the
   * first call and the same list is returned while the context class loader stays the same.
   *
   * <p>An extension that cannot be loaded (a class missing or not an {@link Extension}, a failing
   * constructor, a malformed services file) is skipped with one warning line, so one broken jar
   * never hides the others.
   */
  public static synchronized List<Extension> installed() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Extension.class.getClassLoader();
    }
    if (loaded == null || loadedFrom != loader) {
      loaded = load(loader);
      loadedFrom = loader;
    }
    return loaded;
  }

  /** Loads the extensions this class loader registers, afresh. */
  static List<Extension> load(ClassLoader loader) {
    List<Extension> found = new ArrayList<>();
    Iterator<Extension> it = ServiceLoader.load(Extension.class, loader).iterator();
    while (true) {
      boolean more;
      try {
        more = it.hasNext();
      } catch (ServiceConfigurationError e) {
        // The services files could not even be listed: nothing promises that more can be found.
        LOG.warning("Stopped loading extensions at a broken registration: " + e.getMessage());
        break;
      }
      if (!more) {
        break;
      }
      try {
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        LOG.warning("Skipping an extension that cannot be loaded: " + e.getMessage());
      }
    }
    return Collections.unmodifiableList(found);
  }
}
