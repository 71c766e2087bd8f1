/**
 * Dense, immutable, row-major tensors of IEEE doubles and their shapes. Also the NumPy
 * broadcasting rules that every elementwise op and every derivative rule relies on.
 *
 * <p>May import: {@code java} only.
 */
package dev.gradient.tensor;
