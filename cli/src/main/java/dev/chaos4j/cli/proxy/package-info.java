/**
 * The {@code chaos proxy} commands: the operator's side of the Toxiproxy-compatible fault proxy,
 * starting with {@code serve}, which runs the embedded proxy in the foreground.
 */
package dev.chaos4j.cli.proxy;
