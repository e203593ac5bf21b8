/**
 * The {@code chaostoxi.*} activity functions of the Chaos Toolkit's Toxiproxy extension, run
 * natively, and the small Toxiproxy API client they (and {@code chaos proxy}) talk through.
 */
package dev.chaos4j.toxiproxy;
