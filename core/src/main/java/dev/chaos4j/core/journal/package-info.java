/** The journal on disk: the reference's format, written atomically on every ending of a run. */
package dev.chaos4j.core.journal;
