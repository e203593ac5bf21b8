/**
 * The user's settings file ({@code ~/.chaostoolkit/settings.yaml}): loading it, the typed views the
 * engine reads (auths, global controls, notifications, runtime strategies), dotted-key edits and
 * atomic saving.
 */
package dev.chaos4j.core.settings;
