/**
 * Evaluation traces for {@code POST /trace}: a function's primal, tangent and adjoint sweeps at
 * one point, row by row in the notation of Baydin et al.'s survey, with the engines' own numbers.
 * The tables are built to be read by a person or drawn by a page (nodes, their arguments, values).
 */
package dev.gradient.trace;
