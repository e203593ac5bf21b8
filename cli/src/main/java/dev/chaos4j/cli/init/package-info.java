/**
 * The {@code chaos init} wizard: reads a discovery document, asks questions line by line and builds
 * an experiment from the answers.
 */
package dev.chaos4j.cli.init;
