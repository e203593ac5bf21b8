/**
 * Files chaos4j writes (journals, settings, discovery documents): atomically, never half-written.
 */
package dev.chaos4j.core.io;
