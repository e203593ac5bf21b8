/**
 * The {@code python} provider: runs a Python module's function natively when an extension
 * implements it in Java, otherwise through {@link dev.chaos4j.core.provider.python.PythonBridge},
 * one long-lived {@code python3} child process per run.
 */
package dev.chaos4j.core.provider.python;
