/**
 * Turning requests into the graph IR and back: expressions (section 5 of the contract), JSON
 * graphs and JSON values, and a graph's canonical JSON form with its content hash. Errors
 * carry a JSON Pointer into the request and, inside an expression, the character position;
 * every parser is iterative or depth-bounded.
 *
 * <p>May import: {@code dev.gradient.graph}, {@code dev.gradient.op}, {@code
 * dev.gradient.tensor}, {@code dev.gradient.error}, {@code tools.jackson}.
 */
package dev.gradient.parse;
