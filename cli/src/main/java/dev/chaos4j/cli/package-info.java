/** The {@code chaos} command line: one class per sub-command, global options, entry point. */
package dev.chaos4j.cli;
