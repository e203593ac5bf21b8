/**
 * The machinery of controls: which declarations apply at a level, and Python control modules run
 * through the bridge with their changes copied back into the run.
 */
package dev.chaos4j.core.control.internal;
