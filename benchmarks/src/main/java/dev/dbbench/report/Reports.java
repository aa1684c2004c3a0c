package dev.dbbench.report;

import dev.dbbench.results.AtomicFiles;
import dev.dbbench.results.RecordedRun;
import dev.dbbench.results.RunFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report API: {@link #render(Path)} writes {@code summary.md}, {@code index.html} and
 * {@code charts/*.png} into a run folder; {@link #compare(Path, Path, Optional)} writes a comparison of
 * two runs into a folder of its own. Bad input throws {@link ReportException} with a one-line message.
 */
public final class Reports {
    private Reports() {}

    /** Renders the report of a run folder from its saved JSON; returns the path of its index.html. */
    public static Path render(Path runDir) {
        return render(runDir, QuestionCatalog.fromClassPath());
    }

    static Path render(Path runDir, QuestionCatalog catalog) {
        RecordedRun run = RunFolder.read(runDir);
        Report report = Report.of(run, catalog);
        writeCharts(runDir.resolve(RunFolder.CHARTS), report.charts());
        write(runDir.resolve(RunFolder.SUMMARY_MD), SummaryMarkdown.render(report));
        Path index = runDir.resolve(RunFolder.INDEX_HTML);
        write(index, HtmlPage.render(report));
        return index;
    }

    /**
     * Compares run {@code b} with an earlier run {@code a}. The comparison is written into {@code out},
     * by default {@code <b>/comparison-to-<name of a>/}: it belongs to the newer run, and a folder next to
     * the runs would look like one more run to anything that lists {@code results/}. Returns the path of
     * the comparison's index.html.
     */
    public static Path compare(Path a, Path b, Optional<Path> out) {
        return compare(a, b, out, QuestionCatalog.fromClassPath());
    }

    static Path compare(Path a, Path b, Optional<Path> out, QuestionCatalog catalog) {
        return compared(a, b, out, catalog).index();
    }

    /** A written comparison: its index.html, and how far the two runs agree on the claims. */
    record Compared(Path index, ClaimAgreement agreement) {}

    static Compared compared(Path a, Path b, Optional<Path> out, QuestionCatalog catalog) {
        RecordedRun runA = RunFolder.read(a);
        RecordedRun runB = RunFolder.read(b);
        Path dir = out.orElseGet(() -> b.resolve("comparison-to-" + runA.name()));
        Comparison comparison = Comparison.of(runA, runB, catalog);
        writeCharts(dir.resolve(RunFolder.CHARTS), comparison.charts());
        write(dir.resolve(RunFolder.SUMMARY_MD), ComparisonPages.markdown(comparison));
        Path index = dir.resolve(RunFolder.INDEX_HTML);
        write(index, ComparisonPages.html(comparison));
        return new Compared(index, comparison.agreement());
    }

    /** Writes the charts and removes ones a previous rendering left that this one no longer has. */
    private static void writeCharts(Path dir, Map<String, byte[]> charts) {
        charts.forEach((name, png) -> write(dir.resolve(name), png));
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> current = charts.keySet();
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "*.png")) {
            for (Path p : stale) {
                if (!current.contains(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new ReportException(dir + ": cannot remove old charts: " + e, e);
        }
    }

    /** A page or chart written whole (see {@link AtomicFiles}); a failure as the report's one line. */
    private static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }
}
