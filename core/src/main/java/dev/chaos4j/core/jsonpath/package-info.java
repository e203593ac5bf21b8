/**
 * A small JSONPath evaluator with the semantics of Python's {@code jsonpath2} library, the flavour
 * the reference uses for {@code jsonpath} tolerances: filters apply to the current node, equality
 * is a single {@code =}, {@code or} binds tighter than {@code and}. {@link
 * dev.chaos4j.core.jsonpath.JsonPath} is the entry point; everything else is package-private.
 */
package dev.chaos4j.core.jsonpath;
