package dev.dbbench.history;

import dev.dbbench.results.RecordedRun;
import dev.dbbench.results.RunFolder;
import dev.dbbench.results.RunListener;
import java.nio.file.Path;

/**
 * After every run, appends its line to {@code <results>/history.jsonl} (called by the launcher after
 * the report). It reads what the run wrote ({@code environment.json}) rather than being told, so the
 * history says exactly what the run folder says.
 */
public final class HistoryRecorder implements RunListener {
    @Override
    public void afterRun(Path runDir) throws Exception {
        Path resultsDir = runDir.toAbsolutePath().getParent();
        RecordedRun run = RunFolder.read(runDir);
        HistoryFile.append(resultsDir, HistoryEntry.of(resultsDir.relativize(runDir.toAbsolutePath()).toString(), run.environment()));
    }
}
