/**
 * The intermediate representation: immutable computation graphs in topological order, their
 * canonical form and content hash, and the builder that infers shapes and expands composite
 * ops into the shaped graphs that engines run.
 */
package dev.gradient.graph;
