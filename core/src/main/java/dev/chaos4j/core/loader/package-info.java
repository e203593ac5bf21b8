/** Loading: an experiment file or URL to a document of plain JSON values, with clear errors. */
package dev.chaos4j.core.loader;
