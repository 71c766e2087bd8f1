/**
 * Evaluation traces for {@code POST /trace}: a function's primal, tangent and adjoint sweeps at
 * one point, row by row in the notation of Baydin et al.'s survey, with the engines' own numbers.
 * The tables are built to be read by a person or drawn by a page (nodes, their arguments, values).
 *
 * <p>May import: {@code dev.gradient.engine}, {@code dev.gradient.graph}, {@code dev.gradient.op}, {@code dev.gradient.symbolic}, {@code
 * dev.gradient.tensor}, {@code dev.gradient.error}, {@code org.springframework.stereotype}, {@code
 * org.springframework.boot.context.properties}, {@code org.springframework.validation.annotation}, {@code
 * jakarta.validation.constraints}, {@code io.swagger.v3.oas.annotations}, {@code com.fasterxml.jackson.annotation}.
 */
package dev.gradient.trace;
