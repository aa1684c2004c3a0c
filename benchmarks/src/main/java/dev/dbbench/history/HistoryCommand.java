package dev.dbbench.history;

import dev.dbbench.history.HistoryAnalysis.QuestionTrend;
import dev.dbbench.history.HistoryAnalysis.Run;
import dev.dbbench.report.QuestionCatalog;
import dev.dbbench.report.ReportException;
import dev.dbbench.results.AtomicFiles;
import dev.dbbench.results.RunFolderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code history [RESULTS_DIR]}: every run of a results directory in order, one trend chart per
 * question, environment changes marked, steps found with E-Divisive. Writes {@code history.html} and
 * {@code history-charts/*.png} into RESULTS_DIR and prints the page's path. Bad input: one line, exit 2.
 */
@Command(name = "history", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        versionProvider = dev.dbbench.results.BuildInfo.VersionProvider.class,
        description = {
            "Trends across runs: writes RESULTS_DIR/history.html and history-charts/*.png, one chart per question (score with its error,",
            "runs oldest first, labelled by commit). Runs come from RESULTS_DIR/" + HistoryFile.NAME + " (a line per run) and any run folder",
            "it does not list (older runs, curated/*). A run in another environment (CPU, JDK, OS, database version or durability, profile)",
            "starts a new line; steps within one environment are found with E-Divisive means and named by the commit where they start."})
public final class HistoryCommand implements Callable<Integer> {
    static final String PAGE = "history.html";
    static final String CHARTS = "history-charts";

    @Parameters(arity = "0..1", paramLabel = "RESULTS_DIR", description = "The results directory (default: ${DEFAULT-VALUE}).")
    Path resultsDir = Path.of("results");

    @Option(names = "--verbose", description = "Print the stack trace of an error.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(resultsDir)) {
            err.println("[history] RESULTS_DIR is not a directory: \"" + resultsDir + "\". Name the results directory of your runs (default: results)");
            return 2;
        }
        try {
            Path page = write(resultsDir, err);
            spec.commandLine().getOut().println(page);
            return 0;
        } catch (IOException | UncheckedIOException | ReportException | RunFolderException e) {
            err.println("[history] cannot write the history into \"" + resultsDir + "\": " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return 2;
        }
    }

    /** Writes the page and its charts; warnings (unreadable lines, missing folders) go to {@code err} and onto the page. */
    static Path write(Path resultsDir, PrintWriter err) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<Run> runs = HistoryRuns.collect(resultsDir, warnings);
        warnings.forEach(w -> err.println("[history] " + w));
        List<QuestionTrend> trends = HistoryAnalysis.analyse(runs, QuestionCatalog.fromClassPath());
        Path charts = Files.createDirectories(resultsDir.resolve(CHARTS));
        List<HistoryEntry> entries = runs.stream().map(Run::entry).toList();
        Map<String, String> files = new LinkedHashMap<>();
        for (QuestionTrend t : trends) {
            String file = t.className().replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
            AtomicFiles.write(charts.resolve(file), HistoryCharts.trend(t, entries));
            files.put(t.className(), CHARTS + "/" + file);
        }
        Path page = resultsDir.resolve(PAGE);
        AtomicFiles.write(page, HistoryPage.render(runs, trends, files, warnings));
        return page;
    }
}
