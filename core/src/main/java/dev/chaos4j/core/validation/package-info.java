/** Validation: every rule of the reference, in its order, one clear message per problem. */
package dev.chaos4j.core.validation;
