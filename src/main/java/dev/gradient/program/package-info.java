/**
 * Shaped graphs made runnable: the {@link dev.gradient.program.Program} interface that engines
 * run for primal sweeps, reverse passes and Hessian programs, and its interpreter, {@link
 * dev.gradient.program.Plan}. May import tensor, graph and op.
 */
package dev.gradient.program;
