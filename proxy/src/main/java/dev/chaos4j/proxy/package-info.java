/**
 * chaos4j's fault proxy: a TCP proxy that speaks Toxiproxy's HTTP API, so Toxiproxy's clients and
 * experiments drive it unchanged, and that a Java program can start in-process with {@link
 * dev.chaos4j.proxy.FaultProxyServer}.
 */
package dev.chaos4j.proxy;
