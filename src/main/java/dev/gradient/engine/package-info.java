/**
 * The engines behind one interface (forward and reverse mode AD, and the numeric reference that
 * checks them) and the products built on them: gradients, Jacobians, Hessians (forward over
 * reverse), JVPs and VJPs.
 */
package dev.gradient.engine;
