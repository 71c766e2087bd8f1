/**
 * The HTTP layer: controllers for evaluation, derivatives, the gradient check, the graph
 * registry and the catalogues, their request and response records, the body-size and JSON
 * limits, and the one place where errors become RFC 9457 problem details. Request bodies are
 * streamed ({@code BodyReader}, driven by the records of {@code RequestSchemas}) straight into
 * doubles, with no tree of the body, and every error names the JSON Pointer where it happened.
 *
 * <p>May import: any package of the service and any library; no package imports it.
 */
package dev.gradient.api;
