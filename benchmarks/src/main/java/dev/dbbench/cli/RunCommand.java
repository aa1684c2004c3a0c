package dev.dbbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.core.provision.PgProvider;
import dev.dbbench.profile.GcProfilerSwitch;
import dev.dbbench.profile.ProfilerOutput;
import dev.dbbench.results.RunListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The default command: runs the selected benchmarks under a profile, provisions PostgreSQL once
 * when a selected benchmark needs it, and writes the run's folder. This class holds the options;
 * the run goes in phases, each in its own class: the settings resolved and checked before
 * anything starts ({@link RunSettings}), what the run holds while it runs ({@link RunSession}: the
 * server, the forks' hand-over), the measuring ({@link BenchmarkRun} through a {@link PassRunner}),
 * and the run's folder, summary and report ({@link RunRecorder}).
 */
@Command(name = "benchmarks.jar",
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = dev.dbbench.results.BuildInfo.VersionProvider.class,
        description = {
            "Runs dbbench's JMH benchmarks and writes results/<UTC timestamp>/ (jmh.json, results.csv, environment.json, failures.json).",
            "Exit codes: 0 all benchmarks produced results; 1 some failed (recorded, the others still ran); 2 bad input, nothing ran;"
                    + " 130 interrupted (Ctrl-C), what finished is kept."},
        footer = {
            "",
            "PostgreSQL is provisioned once, only when a selected benchmark needs it",
            "(its class says so with @OnDatabase(POSTGRES)):",
            "explicit settings when a URL is given, else Testcontainers when it finds Docker,",
            "else an embedded server (Linux x86_64); --pg-provider forces one. Environment equivalents: DBBENCH_PG_URL,",
            "DBBENCH_PG_USER, DBBENCH_PG_PASSWORD, DBBENCH_SQLITE_DIR."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<regex>", arity = "0..*", description = "Select benchmarks whose name (package.Class.method) matches any of these; default: all.")
    List<String> regexes = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "<profile>", description = {
        "smoke: every benchmark and parameter combination once, very short (tests, CI);",
        "quick (default): the classes' own settings, every comparison with a usable error;",
        "full: publication quality, 3 forks, longer iterations. JMH options override it."})
    Profile profile = Profile.QUICK;

    @Option(names = RunSettings.PG_URL, paramLabel = "<jdbc-url>", description = "PostgreSQL to use instead of provisioning one: jdbc:postgresql://host:port/database")
    String pgUrl;

    @Option(names = RunSettings.PG_USER, paramLabel = "<user>", description = "login role for --pg-url")
    String pgUser;

    @Option(names = RunSettings.PG_PASSWORD, paramLabel = "<password>", description = "password for --pg-user (never printed or written to results)")
    String pgPassword;

    @Option(names = PgRoundTrips.OPTION, paramLabel = "<rtt,...>", description = {
        "PostgreSQL at a network's distance: the forks reach the server through a relay that adds this round trip",
        "(e.g. 0,0.5ms,2ms; units us, ms, s; 0 to 1s). Each PostgreSQL benchmark runs once per value, recorded as",
        "parameter " + PgRoundTrips.PARAM + "; the others run once. Default: -D" + PgRoundTrips.PROPERTY + ", else none (straight to the server)."})
    String pgRtt;

    @Option(names = RunSettings.PG_PROVIDER, paramLabel = "url|container|embedded", description = {
        "force one kind of PostgreSQL server instead of the usual choice (explicit settings, else a Testcontainers",
        "container when Testcontainers finds Docker, else embedded): url, container or embedded"})
    PgProvider pgProvider;

    @Option(names = RunSettings.SQLITE_DIR, paramLabel = "<dir>", description = "where SQLite benchmark files go (default: the system's temporary directory)")
    Path sqliteDir;

    @Option(names = RunSettings.RESULTS_DIR, paramLabel = "<dir>", description = "where run folders go (default: ${DEFAULT-VALUE})")
    Path resultsDir = Path.of("results");

    @Option(names = "--parallel", paramLabel = "<n>", description = {
        "benchmarks run at once, each combination still in its own fork (default: 2 for smoke, 1 otherwise).",
        "Above 1 the forks disturb each other's timings: for checking that benchmarks run, not for figures."})
    Integer parallel;

    @Option(names = Rounds.OPTION, paramLabel = "<n>", description = {
        "spread each combination's forks over n rounds: every combination's first fork(s), then every combination's next,",
        "so a combination's forks lie minutes apart and their spread includes the machine's drift, as a second run's would",
        "(default: 2 for quick, 3 for full, 1 for smoke; a combination whose forks n does not divide runs whole in round 1)."})
    Integer rounds;

    @Option(names = "--gc-profiler", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"JMH's gc profiler on every benchmark (default: on, unless -D" + GcProfilerSwitch.PROPERTY + "=false): allocation per",
                "operation (gc.alloc.rate.norm), GC count and time, kept in the results. --no-gc-profiler turns it off."})
    boolean gcProfiler;

    @Option(names = "--class-sharing", negatable = true,
            description = {"each benchmark class's first fork writes the classes it loaded to an archive that its later forks map",
                "(class-data sharing): forks start 0.5-1.3 s sooner, what is measured is unchanged (default: on for the measured",
                "profiles, off for smoke, whose one fork per combination rarely pays back a dump; off with -jvm or -f 0).",
                "--no-class-sharing turns it off."})
    Boolean classSharing;

    @Option(names = "--verbose", description = "print stack traces with errors")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "print the version and the commit this jar was built from, and exit")
    boolean version;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final PrintStream out;
    private final List<RunListener> extraListeners;

    RunCommand(Map<String, String> env, PrintStream out, List<RunListener> extraListeners) {
        this.env = env;
        this.out = out;
        this.extraListeners = List.copyOf(extraListeners);
    }

    @Override
    public Integer call() throws IOException {
        ProfilerOutput profilerOutput = ProfilerOutput.redirect(JmhOptions.argv(spec.commandLine().getParseResult(), regexes), resultsDir);
        CommandLineOptions given = JmhOptions.parse(profilerOutput.argv());
        if (listOnly(given)) {
            return 0;
        }
        RunSettings settings = RunSettings.resolve(given(), given, env, out);
        ObjectMapper json = new ObjectMapper();
        try (RunSession session = RunSession.open(settings, env, out)) {
            BenchmarkRun.Done done = BenchmarkRun.run(settings, session, json, out);
            return new RunRecorder(out, verbose, extraListeners).record(done, settings, session, profilerOutput, json);
        }
    }

    /** The launcher's own options as parsed, for {@link RunSettings} to resolve. */
    RunSettings.Given given() {
        return new RunSettings.Given(profile, parallel, rounds, gcProfiler, classSharing, resultsDir, sqliteDir, pgUrl, pgUser, pgPassword, pgRtt, pgProvider,
                spec.commandLine().getParseResult());
    }

    private boolean listOnly(CommandLineOptions given) {
        if (given.shouldList() || given.shouldListWithParams()) {
            Runner runner = new Runner(given, OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
            if (given.shouldListWithParams()) {
                runner.listWithParams(given);
            } else {
                runner.list();
            }
            return true;
        }
        if (given.shouldListProfilers()) {
            given.listProfilers();
            return true;
        }
        if (given.shouldListResultFormats()) {
            given.listResultFormats();
            return true;
        }
        return false;
    }
}
