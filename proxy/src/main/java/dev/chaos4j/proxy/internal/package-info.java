/**
 * The proxy's state and its rules, as Toxiproxy defines them: the proxies, their toxics, and the
 * API errors. Not a public API; {@link dev.chaos4j.proxy.FaultProxyServer} is.
 */
package dev.chaos4j.proxy.internal;
