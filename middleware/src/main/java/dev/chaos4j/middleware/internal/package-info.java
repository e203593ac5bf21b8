/**
 * Small, allocation-conscious tools of the middleware: JSON, durations, route patterns, hosts and
 * globs. Not an API: they may change without notice.
 */
package dev.chaos4j.middleware.internal;
