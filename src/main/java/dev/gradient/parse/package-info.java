/**
 * Turning requests into the graph IR and back: expressions (section 5 of the contract), JSON
 * graphs and JSON values, and a graph's canonical JSON form with its content hash. Errors
 * carry a JSON Pointer into the request and, inside an expression, the character position;
 * every parser is iterative or depth-bounded.
 */
package dev.gradient.parse;
