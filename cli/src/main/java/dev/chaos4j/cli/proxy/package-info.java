/**
 * The {@code chaos proxy} commands: {@code serve} runs the embedded Toxiproxy-compatible fault
 * proxy in the foreground; the others drive any Toxiproxy API like toxiproxy-cli (list, inspect,
 * create, toggle and delete proxies; add, update and remove their toxics).
 */
package dev.chaos4j.cli.proxy;
