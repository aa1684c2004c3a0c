package dev.dbbench.results;

import java.nio.file.Path;

/**
 * Called once a run's folder is complete (jmh.json, results.csv, environment.json, failures.json
 * written, {@code latest} pointing at it), e.g. to render {@code summary.md} or {@code index.html}
 * into it. The launcher calls the report's and the history's directly (and a test's, given to
 * {@code Main.run}). A listener that throws is reported and does not fail the run: the results are
 * already safe on disk.
 */
public interface RunListener {
    void afterRun(Path runDir) throws Exception;
}
