/**
 * Chaos attacks inside a Java web application: the attack model ({@link
 * dev.chaos4j.middleware.AttackSpec}), the middleware that holds attacks, arms them and decides per
 * request ({@link dev.chaos4j.middleware.ChaosMiddleware}), its configuration, and its control
 * channels (signed attack headers, the local admin API, the control URL). Framework-neutral:
 * adapters such as {@code dev.chaos4j.middleware.servlet} carry the decisions out.
 */
package dev.chaos4j.middleware;
