/**
 * The run folder, {@code results/<UTC timestamp>/}, and everything that crosses it: this package is
 * its one owner. {@link dev.dbbench.results.RunFolder} names its files, creates it, points
 * {@code latest} at it and reads it back ({@link dev.dbbench.results.RecordedRun});
 * {@link dev.dbbench.results.ResultsWriter} writes it, each file through
 * {@link dev.dbbench.results.AtomicFiles} (temporary file, fsync, rename) and
 * {@code core.provision.Secrets}; {@link dev.dbbench.results.JmhJson} is the one reader of JMH's JSON;
 * {@link dev.dbbench.results.Failure} is the one record of a combination without a result.
 *
 * <p>It lives here, at the bottom of {@code benchmarks}, rather than in a package of its own, because
 * the run writes the folder and every other package reads it: the launcher ({@code cli}) writes
 * through it, and the report, the export, the history and the regression check read through it and
 * import nothing of each other for that. This package imports no other package of {@code benchmarks},
 * so no circle can go through it.
 */
package dev.dbbench.results;
