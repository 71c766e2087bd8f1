/**
 * The Java example of examples/: a small program written against the client that the build
 * generates from api-spec/openapi.yaml. It lives with the tests because that client is
 * generated into the test sources; ExamplesTest runs it like the other examples.
 */
package dev.gradient.examples;
