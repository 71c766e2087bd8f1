/**
 * The AD engines (forward and reverse mode, behind one interface) and the products built on
 * them: gradients, Jacobians, Hessians (forward over reverse), JVPs and VJPs.
 */
package dev.gradient.engine;
