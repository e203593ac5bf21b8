/**
 * What {@code chaos discover} reports: the installed extensions (as the extension loader finds
 * them) and the reference's discovery document built from their functions.
 */
package dev.chaos4j.core.discovery;
