/**
 * The intermediate representation: immutable computation graphs in topological order (and
 * a parsed graph with its id), and the builder that infers shapes and expands composite ops
 * into the shaped graphs that engines run. Their JSON and canonical forms live in
 * {@code parse}.
 */
package dev.gradient.graph;
