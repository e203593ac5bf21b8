package dev.chaos4j.core.spi;

/**
 * Implemented, in addition to {@link Extension}, by an extension that can describe the system it
 * targets (nodes, regions, versions...). Its answer becomes the {@code system} entry of the
 * discovery document, as the reference's {@code discover(discover_system=True)} does.
 */
public interface SystemDiscovery {

  /**
   * Describes the target system. Called only when the user asks for system information; any call it
   * makes to a remote system must have a timeout.
   *
   * @return a JSON value (map, list, string, number, boolean or null)
   * @throws Exception when the system cannot be described; discovery then reports no system
   */
  Object discoverSystem() throws Exception;
}
