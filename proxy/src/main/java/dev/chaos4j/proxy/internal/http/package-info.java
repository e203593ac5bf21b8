/**
 * Toxiproxy's HTTP API on Netty: routing with gorilla/mux's rules (404, 405, path cleaning), the
 * handlers, request bodies decoded with Go's rules and error messages, and responses encoded
 * byte-for-byte as Go's {@code encoding/json} and Prometheus' text format write them.
 */
package dev.chaos4j.proxy.internal.http;
