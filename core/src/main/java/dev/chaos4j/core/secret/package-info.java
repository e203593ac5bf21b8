/**
 * Secrets of a run: the experiment's {@code secrets} scopes with inline values, environment
 * variables and HashiCorp Vault KV entries, loaded as the reference does.
 */
package dev.chaos4j.core.secret;
