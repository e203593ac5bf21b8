/**
 * The public face of the chaos4j engine: the errors every stage reports. The stages themselves live
 * in the sub-packages, one concern each (loader, config, validation, run, journal...).
 */
package dev.chaos4j.core;
