/**
 * Experiment functions that drive the chaos4j middleware through its admin HTTP API: {@code
 * chaos4j.middleware.actions} and {@code chaos4j.middleware.probes}, and Proofdock's {@code
 * pdchaoskit.application.actions} mapped onto the same API. One middleware or a fleet of them,
 * addressed by the experiment's configuration.
 */
package dev.chaos4j.middleware.driver;
