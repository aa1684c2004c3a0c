package dev.dbbench.cli;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.FirstLine;
import dev.dbbench.core.provision.ProvisioningException;
import dev.dbbench.results.RunListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of benchmarks.jar. Without a subcommand it runs benchmarks ({@link RunCommand});
 * subcommands are listed in {@link #subcommands()}.
 *
 * <p>Exit codes: 0 every benchmark produced a result; 1 some failed (recorded, the others ran);
 * 2 bad input or set-up, reported in one line before any benchmark started; 130 interrupted (Ctrl-C), what finished kept.
 */
public final class Main {
    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Main() {}

    /**
     * pgjdbc logs through java.util.logging, whose default handler prints WARNING lines on the
     * console ("Connection error", "unknown port") before the launcher's own one-line error says
     * the same. Held here: java.util.logging keeps loggers only weakly, and a collected logger
     * forgets its level.
     */
    private static final java.util.logging.Logger DRIVER_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, List.of()));
    }

    /**
     * Subcommands besides the default run, each a picocli {@code @Command} object: adding
     * {@code report} or {@code compare} is one more element here.
     */
    static List<Object> subcommands() {
        return List.of(new dev.dbbench.report.ReportCommand(), new dev.dbbench.regress.CompareCommand(), new dev.dbbench.export.ExportCommand(),
                new dev.dbbench.history.HistoryCommand());
    }

    /** Runs the command line and returns the exit code; {@code listeners} (tests) are called after a run, before the report and the history. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, List<RunListener> listeners) {
        DRIVER_LOG.setLevel(java.util.logging.Level.OFF);
        return commandLine(new RunCommand(env, out, listeners), out, err).execute(args);
    }

    static CommandLine commandLine(RunCommand root, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(root);
        JmhOptions.addTo(cli.getCommandSpec());
        for (Object sub : subcommands()) {
            cli.addSubcommand(sub);
        }
        // JMH's options are multi-letter single-dash names (-wi, -rf): "-wi" must never read as "-w -i".
        cli.setPosixClusteredShortOptionsAllowed(false);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler(Main::badArguments);
        cli.setExecutionExceptionHandler(Main::failed);
        return cli;
    }

    /** Unknown options, missing or malformed values: one line, exit 2 (or the subcommand's own code, e.g. compare's 3). */
    private static int badArguments(ParameterException e, String[] args) {
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += ". Did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        e.getCommandLine().getErr().println(message.replaceAll("\\.$", "") + ". Run with -h for the options");
        return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failed(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = parsed != null && parsed.hasMatchedOption("--verbose");
        int code;
        if (e instanceof SetupException || e instanceof ProvisioningException) {
            err.println(oneLine(e.getMessage()));
            code = BAD_INPUT;
        } else if (e instanceof DatabaseException) {
            err.println(oneLine(e.getMessage()) + " (before any benchmark started)");
            code = BAD_INPUT;
        } else {
            err.println("[dbbench] the run failed: " + oneLine(e.getMessage() == null ? e.getClass().getName() : e.getMessage())
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            code = SOME_FAILED;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String oneLine(String message) {
        return FirstLine.of(message);
    }
}
