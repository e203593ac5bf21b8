package dev.chaos4j.core.loader;

import dev.chaos4j.core.settings.Auth;
import java.util.Optional;

/**
 * Where the loader finds the credentials of a host serving an experiment: in the command line, the
 * settings' {@code auths} ({@code settings::authFor}).
 */
@FunctionalInterface
public interface AuthLookup {
  /**
   * The credentials for one {@code host[:port]}, written as in the URL.
   *
   * @throws dev.chaos4j.core.settings.InvalidSettings when the entry for this host is malformed
   */
  Optional<Auth> authFor(String hostAndPort);

  /** No credentials for any host. */
  static AuthLookup none() {
    return hostAndPort -> Optional.empty();
  }
}
