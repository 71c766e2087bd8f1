/**
 * The errors the service answers with a problem: one exception, {@link
 * dev.gradient.error.GradientException}, carrying an {@link dev.gradient.error.ErrorCode} that
 * fixes the problem's status, type and title; where in the request it happened ({@link
 * dev.gradient.error.Origin}); and the one function that writes JSON Pointers. Every package
 * that finds an error throws it from here.
 *
 * <p>May import: {@code java} only.
 */
package dev.gradient.error;
