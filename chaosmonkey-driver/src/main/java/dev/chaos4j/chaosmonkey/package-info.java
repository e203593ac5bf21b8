/**
 * The chaostoolkit-spring functions ({@code chaosspring.actions}, {@code chaosspring.probes}):
 * calls to the actuator endpoints of Chaos Monkey for Spring Boot, under the reference's names,
 * arguments and return values, with the reference's drift against current Chaos Monkey fixed.
 */
package dev.chaos4j.chaosmonkey;
