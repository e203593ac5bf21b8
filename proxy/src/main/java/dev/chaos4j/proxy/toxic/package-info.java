/**
 * The toxics: one class per kind of network fault, each registered by its Toxiproxy name in {@link
 * dev.chaos4j.proxy.toxic.ToxicRegistry}, and the small contract ({@link
 * dev.chaos4j.proxy.toxic.Toxic}, {@link dev.chaos4j.proxy.toxic.Stage}) through which a toxic
 * alters the bytes of one direction of one proxied connection.
 */
package dev.chaos4j.proxy.toxic;
