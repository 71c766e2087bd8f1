/**
 * The intermediate representation: immutable computation graphs in topological order (and a
 * parsed graph with its id), and the builder that infers shapes and expands composite ops into
 * the shaped graphs that engines run. Their JSON and canonical forms live in {@code parse}.
 * With {@code op} it is one layer: the builder applies ops by name and the ops' derivative
 * rules build graph nodes, so each of the two imports the other.
 *
 * <p>May import: {@code dev.gradient.op}, {@code dev.gradient.tensor}, {@code
 * dev.gradient.error}.
 */
package dev.gradient.graph;
