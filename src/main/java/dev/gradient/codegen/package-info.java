/**
 * Hot programs compiled to JVM code: a shaped graph's plan turned into Java source in which
 * every maximal region of elementwise ops is one fused loop, compiled at run time with Janino
 * and swapped in for the interpreter ({@link dev.gradient.program.Plan}) after a use threshold.
 * The same serves a function's adjoint graph, so that a hot reverse sweep's elementwise
 * pullbacks run as fused loops too (the engine decides when: {@code ReverseSweep}). The
 * interpreter stays the reference: the compiled code computes the same values bit for bit, and
 * any failure of it falls back to the interpreter.
 *
 * <p>May import: {@code dev.gradient.program}, {@code dev.gradient.graph}, {@code
 * dev.gradient.op}, {@code dev.gradient.tensor}, {@code org.codehaus.commons}, {@code
 * org.codehaus.janino}, {@code com.github.benmanes.caffeine}, {@code org.slf4j}.
 */
package dev.gradient.codegen;
