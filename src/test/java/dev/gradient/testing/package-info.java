/**
 * Helpers that the seeded property tests share: the seeds they run ({@link
 * dev.gradient.testing.Seeds}) and the report of a failure's smallest failing size ({@link
 * dev.gradient.testing.SmallestFailure}).
 */
package dev.gradient.testing;
