package dev.dbbench.report;

import dev.dbbench.results.RunListener;
import java.nio.file.Path;

/** Renders summary.md, index.html and the charts into every run folder once its results are written. */
public final class RenderAfterRun implements RunListener {
    @Override
    public void afterRun(Path runDir) {
        Path index = Reports.render(runDir);
        System.out.println("[dbbench] report: " + index);
    }
}
