/**
 * The HTTP layer: controllers for evaluation, derivatives, the graph registry and the
 * catalogues, their request and response records, limits, and the one place where errors
 * become RFC 9457 problem details. Request bodies are read by hand as JSON trees so that
 * every error names the JSON Pointer where it happened.
 */
package dev.gradient.api;
