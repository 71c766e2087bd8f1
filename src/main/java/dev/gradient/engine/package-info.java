/**
 * The engines behind one interface (forward and reverse mode AD, and the numeric reference
 * that checks them) and the products built on them: gradients, Jacobians, Hessians (forward
 * over reverse), JVPs and VJPs.
 *
 * <p>May import: {@code dev.gradient.program}, {@code dev.gradient.codegen}, {@code dev.gradient.graph}, {@code
 * dev.gradient.op}, {@code dev.gradient.tensor}, {@code dev.gradient.error}, {@code
 * org.springframework.stereotype}, {@code com.github.benmanes.caffeine}.
 */
package dev.gradient.engine;
