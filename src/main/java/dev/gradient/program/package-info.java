/**
 * Shaped graphs made runnable: the {@link dev.gradient.program.Program} interface that engines
 * run for primal sweeps, reverse passes and Hessian programs, and its interpreter, {@link
 * dev.gradient.program.Plan}.
 *
 * <p>May import: {@code dev.gradient.graph}, {@code dev.gradient.op}, {@code dev.gradient.tensor}.
 */
package dev.gradient.program;
