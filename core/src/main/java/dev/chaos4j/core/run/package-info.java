/**
 * The run loop: hypothesis before, method with background activities and the continuous hypothesis,
 * hypothesis after, rollbacks; strategies, dry modes and interruption.
 */
package dev.chaos4j.core.run;
