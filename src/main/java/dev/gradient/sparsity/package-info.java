/**
 * Sparse derivatives: sparsity patterns of Jacobians and Hessians found from the graph alone (index
 * sets propagated through every op by the rules of {@link dev.gradient.sparsity.SparsityRules}),
 * colourings of those patterns, and the sparse Jacobians and Hessians recovered from one
 * compressed engine product per colour.
 *
 * <p>May import: {@code dev.gradient.engine}, {@code dev.gradient.graph}, {@code dev.gradient.op}, {@code
 * dev.gradient.tensor}, {@code dev.gradient.error}, {@code org.springframework.stereotype}, {@code
 * com.github.benmanes.caffeine}.
 */
package dev.gradient.sparsity;
