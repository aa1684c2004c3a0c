package dev.dbbench.report;

import dev.dbbench.results.RunFolderException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report <run-dir>} renders a run's report again from its saved JSON; {@code report <dirA> <dirB>}
 * compares two runs. Prints the path of the index.html it wrote. Bad input: one line, exit code 2.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {
            "Render the report of a run folder (summary.md, index.html, charts/) again from its saved JSON.",
            "With two run folders A and B, compare B against A; the comparison goes to"
                    + " <B>/comparison-to-<name of A>/ unless --out is given."},
        exitCodeOnInvalidInput = 2)
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR",
            description = "A run folder such as results/" + dev.dbbench.results.RunFolder.NAME_EXAMPLE + "; two to compare (older first).")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for a two-run comparison.")
    Path out;

    @Option(names = "--verbose", description = "Print the stack trace of an error.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (runs.size() > 2) {
            err.println("report takes one run folder, or two to compare: " + runs.size() + " given (" + runs.get(2)
                    + " and after). Compare two at a time");
            return 2;
        }
        if (out != null && runs.size() == 1) {
            err.println("--out only applies to a comparison of two run folders; drop it, or name a second RUN_DIR");
            return 2;
        }
        try {
            if (runs.size() == 1) {
                spec.commandLine().getOut().println(Reports.render(runs.get(0)));
                return 0;
            }
            Reports.Compared compared = Reports.compared(runs.get(0), runs.get(1), Optional.ofNullable(out), QuestionCatalog.fromClassPath());
            spec.commandLine().getOut().println(compared.index());
            spec.commandLine().getOut().println("[report] claims: " + compared.agreement().summary());
            return 0;
        } catch (ReportException | RunFolderException e) {
            err.println("[report] " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 2;
        }
    }
}
