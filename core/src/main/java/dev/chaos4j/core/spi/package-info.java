/**
 * What extensions implement: activity functions registered under the reference's Python module and
 * function names, grouped in an {@link dev.chaos4j.core.spi.Extension} found by ServiceLoader.
 */
package dev.chaos4j.core.spi;
