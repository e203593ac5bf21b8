/**
 * The {@code java} provider: runs users' own Java code as an activity, a public static method or an
 * {@link dev.chaos4j.core.spi.ActivityFunction}, loaded from the class path the activity names.
 */
package dev.chaos4j.core.provider.java;
