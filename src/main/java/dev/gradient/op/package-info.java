/**
 * The op set: each op in one small file with its shape rule, forward kernel, JVP rule and VJP
 * rule (or, for a composite op, its definition in terms of other ops). {@link
 * dev.gradient.op.OpRegistry} lists every op once; {@code GET /ops} is generated from it. One
 * layer with {@code graph} (see there).
 *
 * <p>May import: {@code dev.gradient.graph}, {@code dev.gradient.tensor}, {@code
 * dev.gradient.error}, {@code org.hipparchus}, {@code dev.ludovic.netlib} (the BLAS behind matrix
 * products, {@link dev.gradient.op.MatrixProducts}).
 */
package dev.gradient.op;
