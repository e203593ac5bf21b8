/**
 * Configuration of a run: the experiment's {@code configuration} block (inline and environment
 * values, dynamic probes), {@code --var}/{@code --var-file} overrides, and {@code ${name}}
 * substitution.
 */
package dev.chaos4j.core.config;
