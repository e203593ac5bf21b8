package dev.chaos4j.middleware;

/**
 * Reads one header of a framework's request object, so the per-request decision works for any
 * framework. Adapters pass a method reference (such as {@code HttpServletRequest::getHeader}),
 * which allocates nothing per request.
 *
 * @param <R> the framework's request type
 */
@FunctionalInterface
public interface RequestHeaders<R> {
  /** The first value of the header (name case-insensitive), or {@code null} when absent. */
  String get(R request, String name);
}
