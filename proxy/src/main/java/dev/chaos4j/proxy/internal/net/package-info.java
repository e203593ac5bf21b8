/**
 * The data plane, on Netty: listeners that accept clients, connections that pair a client with its
 * upstream, and the per-direction links that forward bytes (zero-copy when no toxic acts) or run
 * them through the chain of toxic stages, with back-pressure in both cases.
 */
package dev.chaos4j.proxy.internal.net;
