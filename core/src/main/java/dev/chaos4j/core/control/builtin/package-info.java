/**
 * Java implementations of the reference's add-on controls ({@code chaosaddons.controls.*}),
 * registered under the same module names so that experiments declaring them run unchanged.
 */
package dev.chaos4j.core.control.builtin;
