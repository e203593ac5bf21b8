/**
 * The installed activity functions: {@link dev.chaos4j.core.extension.ExtensionLoader} finds the
 * extensions, {@link dev.chaos4j.core.extension.FunctionRegistry} indexes their functions by Python
 * module and function name, and {@link dev.chaos4j.core.extension.ArgumentBinder} binds an
 * activity's arguments to a function the way the reference binds keyword arguments to a Python
 * signature.
 */
package dev.chaos4j.core.extension;
