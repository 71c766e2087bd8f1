/**
 * Dense, immutable, row-major tensors of IEEE doubles and their shapes. Also the NumPy
 * broadcasting rules that every elementwise op and every derivative rule relies on, and the
 * arenas that lend a computation its scratch arrays.
 *
 * <p>May import: {@code java} only.
 */
package dev.gradient.tensor;
