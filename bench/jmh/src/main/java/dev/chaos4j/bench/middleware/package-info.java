/**
 * JMH benchmarks of the chaos middleware's per-request decision: inbound ({@code plan}), through
 * the servlet filter, and outbound ({@code planOutbound}), disarmed and armed with attacks that do
 * not match, each beside a baseline measured in the same run.
 */
package dev.chaos4j.bench.middleware;
