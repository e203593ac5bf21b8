/** The console and file destinations of log records, in the reference's formats. */
package dev.chaos4j.cli.logging;
