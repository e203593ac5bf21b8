/**
 * What {@code chaos discover} reports: the installed extensions (found with ServiceLoader) and the
 * reference's discovery document built from their functions.
 */
package dev.chaos4j.core.discovery;
