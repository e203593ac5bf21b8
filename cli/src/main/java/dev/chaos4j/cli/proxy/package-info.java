/**
 * {@code chaos proxy}: the operator's commands for a Toxiproxy API (Toxiproxy itself or chaos4j's
 * fault proxy), like toxiproxy-cli's: list, inspect, create, toggle and delete proxies, and add,
 * update and remove their toxics.
 */
package dev.chaos4j.cli.proxy;
