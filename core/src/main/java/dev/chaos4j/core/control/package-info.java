/**
 * Controls: code called around the levels of a run (loading, experiment, hypothesis, method,
 * rollbacks, activities), declared in experiments, in the settings and in control files, as the
 * reference's control modules. {@link dev.chaos4j.core.control.Control} is what a control
 * implements; {@link dev.chaos4j.core.control.RunControls} is how the run loop applies them.
 */
package dev.chaos4j.core.control;
