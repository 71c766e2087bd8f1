/**
 * The derivative as a formula, for {@code POST /derivative}: reverse mode's adjoint graph with its
 * cotangents set, simplified where that is exact and shared where subexpressions repeat, then
 * written as a JSON graph, as let-style expression bindings and as C source, with the node
 * counts that show how much sharing saves over the fully expanded formula.
 */
package dev.gradient.symbolic;
