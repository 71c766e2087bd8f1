/**
 * Helpers that the seeded property tests share: the seeds they run ({@link
 * dev.gradient.testing.Seeds}), the report of a failure's smallest failing size ({@link
 * dev.gradient.testing.SmallestFailure}), functions with sparse derivatives ({@link
 * dev.gradient.testing.SparseFunctions}), dense matrices from derivative blocks ({@link
 * dev.gradient.testing.DenseMatrices}) and the checks of a pattern against them ({@link
 * dev.gradient.testing.PatternChecks}).
 */
package dev.gradient.testing;
