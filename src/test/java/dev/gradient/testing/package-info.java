/**
 * Helpers that the seeded property tests share: the seeds they run ({@link
 * dev.gradient.testing.Seeds}), the report of a failure's smallest failing size ({@link
 * dev.gradient.testing.SmallestFailure}), and functions with sparse derivatives ({@link
 * dev.gradient.testing.SparseFunctions}).
 */
package dev.gradient.testing;
