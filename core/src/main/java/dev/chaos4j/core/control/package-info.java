/** Controls: hooks declared around the run's levels; validation of their declarations. */
package dev.chaos4j.core.control;
