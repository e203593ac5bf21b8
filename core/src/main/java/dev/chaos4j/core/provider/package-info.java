/**
 * The one door through which activities run: provider type to {@link
 * dev.chaos4j.core.provider.Provider} to output. Each provider type has its own sub-package.
 */
package dev.chaos4j.core.provider;
