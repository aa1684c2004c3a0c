package dev.dbbench.export;

import dev.dbbench.results.AtomicFiles;
import dev.dbbench.results.RecordedRun;
import dev.dbbench.results.RunFolder;
import dev.dbbench.results.RunFolderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export --format bmf|gab RUN_DIR [--out PATH]}: a run's results in a format that a
 * benchmark-tracking tool reads. Prints the files it wrote. Bad input: one line, exit code 2.
 */
@Command(name = "export", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        versionProvider = dev.dbbench.results.BuildInfo.VersionProvider.class,
        description = {
            "Export a run's results for tools that track benchmarks across commits, one entry per benchmark x parameters,",
            "time (or throughput) and allocation per operation as separate measures with their 99.9% bounds.",
            "bmf: Bencher Metric Format (bencher run --adapter json --file FILE); writes <RUN_DIR>/bmf.json unless --out FILE.",
            "gab: github-action-benchmark's custom tools; writes " + GithubActionBenchmarkFormat.SMALLER_IS_BETTER + ".json (time, allocation) and "
                    + GithubActionBenchmarkFormat.BIGGER_IS_BETTER + ".json (throughput) into RUN_DIR unless --out DIR."})
public final class ExportCommand implements Callable<Integer> {
    public enum Format { BMF, GAB }

    static final String BMF_FILE = "bmf.json";

    @Option(names = "--format", required = true, paramLabel = "bmf|gab", description = "bmf (Bencher) or gab (github-action-benchmark)")
    Format format;

    @Parameters(arity = "1", paramLabel = "RUN_DIR", description = "A run folder such as results/latest.")
    Path runDir;

    @Option(names = "--out", paramLabel = "PATH", description = "bmf: the file to write; gab: the directory for its two files.")
    Path out;

    @Option(names = "--verbose", description = "Print the stack trace of an error.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            RecordedRun run = RunFolder.read(runDir);
            List<Path> written = switch (format) {
                case BMF -> writeBmf(run);
                case GAB -> writeGab(run);
            };
            written.forEach(spec.commandLine().getOut()::println);
            return 0;
        } catch (RunFolderException e) {
            return fail(err, "[export] " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // A name longer than Bencher accepts: the message already says which and why.
            return fail(err, e.getMessage(), e);
        } catch (IOException e) {
            return fail(err, "[export] --out cannot be written: \"" + out + "\" (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Name a " + (format == Format.GAB ? "directory" : "file") + " you can write to", e);
        }
    }

    private List<Path> writeBmf(RecordedRun run) throws IOException {
        Path file = out != null ? out : runDir.resolve(BMF_FILE);
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory; --format bmf writes one file");
        }
        createParent(file);
        AtomicFiles.write(file, BencherFormat.render(Exports.of(run, true)));
        return List.of(file);
    }

    private List<Path> writeGab(RecordedRun run) throws IOException {
        Path dir = out != null ? out : runDir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("it is a file; --format gab writes two files into a directory");
        }
        Files.createDirectories(dir);
        List<ExportEntry> entries = Exports.of(run, false);
        List<Path> written = new ArrayList<>();
        for (boolean bigger : new boolean[] {false, true}) {
            Path file = dir.resolve((bigger ? GithubActionBenchmarkFormat.BIGGER_IS_BETTER : GithubActionBenchmarkFormat.SMALLER_IS_BETTER) + ".json");
            AtomicFiles.write(file, GithubActionBenchmarkFormat.render(entries, bigger));
            written.add(file);
        }
        return written;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private int fail(PrintWriter err, String line, Exception e) {
        err.println(line);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return 2;
    }
}
