/**
 * A small logging facade with the reference's levels; the CLI plugs in the console and file sinks.
 */
package dev.chaos4j.core.log;
