/**
 * The derivative as a formula, for {@code POST /derivative}: reverse mode's adjoint graph with its
 * cotangents set, simplified where that is exact and shared where subexpressions repeat, then
 * written as a JSON graph, as let-style expression bindings and as C source, with the node
 * counts that show how much sharing saves over the fully expanded formula.
 *
 * <p>May import: {@code dev.gradient.engine}, {@code dev.gradient.graph}, {@code dev.gradient.op}, {@code
 * dev.gradient.parse}, {@code dev.gradient.tensor}, {@code dev.gradient.error}, {@code tools.jackson.databind}, {@code
 * org.springframework.stereotype}, {@code org.springframework.boot.context.properties}, {@code
 * org.springframework.validation.annotation}, {@code jakarta.validation.constraints}, {@code
 * io.swagger.v3.oas.annotations}, {@code com.fasterxml.jackson.annotation}.
 */
package dev.gradient.symbolic;
