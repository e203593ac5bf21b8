/**
 * The sub-commands of {@code chaos settings}: show the settings file, and get, set or remove one
 * entry by its dotted key.
 */
package dev.chaos4j.cli.settings;
