/**
 * The {@code process} provider: an activity runs one local program and its output is the program's
 * exit code, standard output and standard error.
 */
package dev.chaos4j.core.provider.process;
