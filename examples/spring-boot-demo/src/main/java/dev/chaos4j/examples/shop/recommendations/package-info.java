/**
 * The shop's recommendations at {@code /api/recommendations}: the route the demo's experiment
 * breaks, while the catalogue and orders must keep answering.
 */
package dev.chaos4j.examples.shop.recommendations;
