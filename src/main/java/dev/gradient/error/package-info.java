/**
 * The errors the service answers with a problem: what went wrong, with the code that names it.
 * Depends on nothing but the JDK, so that every package that finds an error can throw it.
 */
package dev.gradient.error;
