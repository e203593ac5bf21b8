/**
 * Plain JSON values (maps, lists, strings, numbers, booleans, null) with the reference's Python
 * semantics: equality, ordering, truthiness and string formatting, and Python-style JSON output.
 */
package dev.chaos4j.core.value;
