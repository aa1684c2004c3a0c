package dev.dbbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.PgProvider;
import dev.dbbench.core.provision.PostgresProvisioner;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.PostgresSettings;
import dev.dbbench.core.provision.Setting;
import dev.dbbench.core.provision.SqliteDirectory;
import dev.dbbench.profile.ProfilerOutput;
import dev.dbbench.results.Environment;
import dev.dbbench.results.Failure;
import dev.dbbench.results.RunDurations;
import dev.dbbench.results.RunFolder;
import dev.dbbench.results.RunListener;
import dev.dbbench.results.ResultsWriter;
import dev.dbbench.core.provision.Secrets;
import dev.dbbench.results.SummaryTable;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.ProfilersFailedException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The default command: runs the selected benchmarks under a profile, provisions PostgreSQL once
 * when a selected benchmark needs it, and writes the run's folder. Everything that can be checked
 * is checked before the first benchmark starts.
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
            "(package dev.dbbench.bench.postgres, or Pg/Postgres in the class name):",
            "explicit settings when a URL is given, else Testcontainers when it finds Docker,",
            "else an embedded server (Linux x86_64); --pg-provider forces one. Environment equivalents: DBBENCH_PG_URL,",
            "DBBENCH_PG_USER, DBBENCH_PG_PASSWORD, DBBENCH_SQLITE_DIR."})
public final class RunCommand implements Callable<Integer> {
    static final String PG_URL = "--pg-url";
    static final String PG_USER = "--pg-user";
    static final String PG_PASSWORD = "--pg-password";
    static final String SQLITE_DIR = "--sqlite-dir";
    static final String RESULTS_DIR = "--results-dir";

    @Parameters(paramLabel = "<regex>", arity = "0..*", description = "Select benchmarks whose name (package.Class.method) matches any of these; default: all.")
    List<String> regexes = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "<profile>", description = {
        "smoke: every benchmark and parameter combination once, very short (tests, CI);",
        "quick (default): the classes' own settings, every comparison with a usable error;",
        "full: publication quality, 3 forks, longer iterations. JMH options override it."})
    Profile profile = Profile.QUICK;

    /**
     * A server started for a smoke run need not be durable: smoke checks that everything runs, and
     * per-row commits at 100,000 rows would take minutes with fsync on. Measured profiles get a
     * durable server. {@code DBBENCH_PG_DURABLE} or {@code -Ddbbench.pg.durable} overrides both.
     */
    private boolean durable() {
        return PostgresProvisioner.durable(env).orElse(profile != Profile.SMOKE);
    }

    @Option(names = PG_URL, paramLabel = "<jdbc-url>", description = "PostgreSQL to use instead of provisioning one: jdbc:postgresql://host:port/database")
    String pgUrl;

    @Option(names = PG_USER, paramLabel = "<user>", description = "login role for --pg-url")
    String pgUser;

    @Option(names = PG_PASSWORD, paramLabel = "<password>", description = "password for --pg-user (never printed or written to results)")
    String pgPassword;

    @Option(names = PgRoundTrips.OPTION, paramLabel = "<rtt,...>", description = {
        "PostgreSQL at a network's distance: the forks reach the server through a relay that adds this round trip",
        "(e.g. 0,0.5ms,2ms; units us, ms, s; 0 to 1s). Each PostgreSQL benchmark runs once per value, recorded as",
        "parameter " + PgRoundTrips.PARAM + "; the others run once. Default: -D" + PgRoundTrips.PROPERTY + ", else none (straight to the server)."})
    String pgRtt;

    static final String PG_PROVIDER = "--pg-provider";

    @Option(names = PG_PROVIDER, paramLabel = "url|container|embedded", description = {
        "force one kind of PostgreSQL server instead of the usual choice (explicit settings, else a Testcontainers",
        "container when Testcontainers finds Docker, else embedded): url, container or embedded"})
    PgProvider pgProvider;

    @Option(names = SQLITE_DIR, paramLabel = "<dir>", description = "where SQLite benchmark files go (default: the system's temporary directory)")
    Path sqliteDir;

    @Option(names = RESULTS_DIR, paramLabel = "<dir>", description = "where run folders go (default: ${DEFAULT-VALUE})")
    Path resultsDir = Path.of("results");

    static final int MAX_PARALLEL = 16;

    @Option(names = "--parallel", paramLabel = "<n>", description = {
        "benchmarks run at once, each combination still in its own fork (default: 2 for smoke, 1 otherwise).",
        "Above 1 the forks disturb each other's timings: for checking that benchmarks run, not for figures."})
    Integer parallel;

    /** The system property that turns the default gc profiler off; the regression check's forks set it (older jars ignore it). */
    public static final String GC_PROFILER_PROPERTY = "dbbench.gcProfiler";

    @Option(names = "--gc-profiler", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"JMH's gc profiler on every benchmark (default: on, unless -D" + GC_PROFILER_PROPERTY + "=false): allocation per",
                "operation (gc.alloc.rate.norm), GC count and time, kept in the results. --no-gc-profiler turns it off."})
    boolean gcProfiler;

    @Option(names = "--verbose", description = "print stack traces with errors")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "print the version and the commit this jar was built from, and exit")
    boolean version;

    @Spec
    CommandSpec spec;

    /** -prof jfr / async write into the run folder (results/<run>/profiles/), not the working directory. */
    private ProfilerOutput profilerOutput;

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
        profilerOutput = ProfilerOutput.redirect(JmhOptions.argv(spec.commandLine().getParseResult(), regexes), resultsDir);
        CommandLineOptions given = JmhOptions.parse(profilerOutput.argv());
        if (listOnly(given)) {
            return 0;
        }

        ChainedOptionsBuilder profiled = new OptionsBuilder().parent(given);
        profile.fillIn(profiled, given);
        Options base = profiled.build();
        Plan plan = Plan.of(base);

        // Every check before anything is created or started: a refused run leaves nothing behind.
        InputChecks.parameters(List.copyOf(InputChecks.given(spec.commandLine().getParseResult())), base);
        InputChecks.jvm(base);
        InputChecks.notEmpty(RESULTS_DIR, resultsDir);
        InputChecks.notEmpty(SQLITE_DIR, sqliteDir);
        InputChecks.outputFiles(base);
        int lanes = lanes(base);
        checkProfilers(given);
        // The forks of the regression check turn the gc profiler off with the property; checked here, before anything starts.
        gcProfiler = gcProfiler && gcProfilerProperty();
        boolean durable = durable();
        try {
            RunFolder.checkWritable(resultsDir, RESULTS_DIR);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage(), e);
        }
        Optional<Setting> sqliteSetting = sqliteDirSetting();
        sqliteSetting.ifPresent(s -> SqliteDirectory.create(Path.of(s.value()), s.name()).close());

        PostgresSettings pgSettings = PostgresSettings.from(System.getProperties(), env).overriddenBy(commandLinePostgres());
        Secrets secrets = Secrets.of(pgSettings.password().map(Setting::value).orElse(null));
        if (pgSettings.explicit()) {
            // A malformed URL is a mistake even when this selection would not use it; a password inside it is a secret too.
            secrets = secrets.and(pgSettings.endpoint().password());
        }
        List<dev.dbbench.core.net.RoundTrip> roundTrips = PgRoundTrips.setting(pgRtt);

        boolean needsPostgres = DatabaseNeeds.anyNeedsPostgres(plan.classes());
        if (!roundTrips.isEmpty() && needsPostgres && base.getForkCount().orElse(1) == 0) {
            throw new SetupException(PgRoundTrips.OPTION + " cannot be used with -f 0: the relay's address is handed to forks, and -f 0 runs"
                    + " the benchmarks inside this JVM. Give -f 1 or more");
        }
        if (!roundTrips.isEmpty() && !needsPostgres) {
            out.println("[dbbench] " + PgRoundTrips.OPTION + " is ignored: no selected benchmark uses PostgreSQL");
        }
        try (Interruption interruption = Interruption.arm();
                JmhOutput jmhOut = JmhOutput.open(base, out);
                ServerLease server = needsPostgres ? ServerLease.of(PostgresProvisioner.provision(pgSettings, env, out::println, durable, pgProvider, PG_PROVIDER)) : ServerLease.none();
                ForkHandoff handoff = ForkHandoff.create(server.get(), sqliteSetting, durable, profile == Profile.SMOKE);
                PgRoundTrips trips = PgRoundTrips.start(roundTrips, server.get(), out::println)) {
            ForkSystemProperties.set(handoff.properties());
            // With -f 0 the benchmarks run in this JVM and look the same settings up here.
            Map<String, String> previous = setSystemProperties(handoff.properties());
            try {
                return run(base, plan, lanes, jmhOut, server.get(), sqliteSetting, secrets.and(server.password()), trips, handoff.properties());
            } finally {
                ForkSystemProperties.clear();
                setSystemProperties(previous);
            }
        }
    }

    /** -Ddbbench.gcProfiler: true when unset. */
    private static boolean gcProfilerProperty() {
        String set = System.getProperty(GC_PROFILER_PROPERTY);
        if (set == null || set.isBlank() || set.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (set.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new SetupException("-D" + GC_PROFILER_PROPERTY + " must be true or false, was \"" + set
                + "\". Give -D" + GC_PROFILER_PROPERTY + "=false, or --no-gc-profiler, to run without JMH's gc profiler");
    }

    /** Whether the person already asked for JMH's gc profiler with -prof, by its short or its class name. */
    private static boolean asksForGcProfiler(Options options) {
        return options.getProfilers().stream()
                .anyMatch(p -> p.getKlass().equals("gc") || p.getKlass().equals(GCProfiler.class.getName()));
    }

    /** JMH checks profilers only when the run starts, after PostgreSQL was provisioned: check them first. */
    private static void checkProfilers(Options given) {
        for (ProfilerConfig p : given.getProfilers()) {
            try {
                ProfilerFactory.getProfilerOrException(p);
            } catch (ProfilerException e) {
                throw new SetupException("-prof " + p.getKlass() + " cannot be used: " + RunMonitor.firstLine(e)
                        + ". Run with -lprof to list the profilers this machine supports", e);
            }
        }
    }

    private int run(Options base, Plan plan, int lanes, JmhOutput jmhOut, PostgresServer server, Optional<Setting> sqliteSetting, Secrets secrets,
            PgRoundTrips trips, Map<String, String> forkProperties) throws IOException {
        List<PgRoundTrips.Pass> passes = trips.passes(plan, forkProperties);
        // From here on the plan is every pass's combinations: the PostgreSQL ones once per round trip.
        plan = PgRoundTrips.total(passes);
        // Always: besides handing over the settings, it keeps new forks from starting after Ctrl-C.
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(base).addProfiler(ForkSystemProperties.class);
        boolean gc = gcProfiler && !asksForGcProfiler(base);
        if (gc) {
            // Allocation per operation is half of some answers (streaming vs loading all, pools): measured in every run.
            builder.addProfiler(GCProfiler.class);
        }
        Options options = builder.build();

        ObjectMapper json = new ObjectMapper();
        ObjectNode environment = json.createObjectNode();
        ObjectNode runInfo = environment.putObject("run");
        Instant started = Instant.now();
        describeRun(runInfo, base, plan, started, secrets);
        runInfo.put("parallel", lanes);
        runInfo.put("gc_profiler", gc || asksForGcProfiler(base));
        // Smoke's tables are scaled down (issue 13): said here and in the report, so no one reads its figures as full-size ones.
        dev.dbbench.core.provision.Scale scale = dev.dbbench.core.provision.Scale.parse(
                forkProperties.getOrDefault(dev.dbbench.core.provision.ForkContract.SCALE_PROPERTY, "full"), "the fork contract's scale");
        runInfo.put("scale", scale.label());
        runInfo.put("scale_description", scale.describe());
        environment.setAll(Environment.collect(json, sqliteSetting.map(s -> Path.of(s.value())).orElse(null),
                sqliteSetting.map(Setting::name).orElse(SqliteDirectory.DIR_ENV), server));
        trips.describe(environment);

        Estimate estimate = new Estimate(plan, RunDurations.previous(resultsDir), lanes);
        out.println("[dbbench] profile " + profile.label() + " (" + profile.description() + "): " + plan.size()
                + " benchmark x parameter combinations, about " + RunMonitor.clock(estimate.total()) + " planned (" + estimate.source() + ")"
                + (lanes > 1 ? ", " + lanes + " benchmarks at a time" : ""));
        VerboseMode verbosity = options.verbosity().orElse(Defaults.VERBOSITY);
        Progress progress = new Progress(out, plan, estimate, System::nanoTime);
        PassOutcome outcome;
        // Several passes are one run: JMH's machine-wide lock is held across them, so another JMH run cannot slip in between.
        try (ParallelRun.JmhLock lock = passes.size() > 1 ? ParallelRun.JmhLock.acquire() : null) {
            outcome = runPasses(passes, trips, options, jmhOut, verbosity, secrets, progress, lanes);
        }
        List<RunResult> results = List.copyOf(outcome.results());
        List<Failure> failures = outcome.failures();
        if (lanes > 1 || passes.size() > 1) {
            try {
                writeResultFile(options, results);
            } catch (RuntimeException e) {
                // Checked before the run; a disk that filled up since must not lose the run's own folder.
                out.println("[dbbench] -rff: the extra copy of the results was not written (" + RunMonitor.firstLine(e) + "); the run's folder has them all");
            }
        }

        Instant finished = Instant.now();
        runInfo.put("finished_at", finished.toString());
        runInfo.put("duration_seconds", Duration.between(started, finished).toMillis() / 1000.0);
        runInfo.put("failures", failures.size());

        boolean interrupted = Interruption.requested();
        runInfo.put("interrupted", interrupted);

        RunFolder folder = RunFolder.create(resultsDir, started);
        List<String> notWritten = new ArrayList<>(new ResultsWriter(json, secrets).write(folder, results, failures, environment, progress.durations()));
        profilerOutput.moveInto(folder.path());
        try {
            folder.markLatest();
        } catch (IOException e) {
            notWritten.add("cannot point " + resultsDir.resolve(RunFolder.LATEST) + " at " + folder.path() + " (" + dev.dbbench.results.AtomicFiles.reason(e) + ")");
        }

        out.println();
        out.println("[dbbench] summary (" + profile.label() + " profile; details in " + folder.path() + ")");
        out.print(SummaryTable.render(results, failures));
        trips.summaryLines().forEach(out::println);

        boolean listenersOk = notifyListeners(folder.path());
        if (!failures.isEmpty()) {
            out.println("[dbbench] " + failures.size() + " of " + plan.size() + " combinations failed; see " + folder.path().resolve(ResultsWriter.FAILURES_JSON));
        }
        notWritten.forEach(line -> out.println("[dbbench] " + line));
        if (interrupted) {
            out.println("[dbbench] interrupted: " + results.size() + " of " + plan.size() + " combinations finished and are kept in " + folder.path());
            return Interruption.EXIT_CODE;
        }
        return failures.isEmpty() && listenersOk && notWritten.isEmpty() ? 0 : 1;
    }

    /** What one JMH run (a pass) produced, and what stopped it early, if anything. */
    private record PassOutcome(Collection<RunResult> results, List<Failure> failures, RunnerException stopped) {}

    /** Runs the passes one after the other; a pass after the run stopped is recorded as not run. */
    private PassOutcome runPasses(List<PgRoundTrips.Pass> passes, PgRoundTrips trips, Options options, JmhOutput jmhOut, VerboseMode verbosity,
            Secrets secrets, Progress progress, int lanes) throws IOException {
        List<RunResult> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        RunnerException stopped = null;
        for (PgRoundTrips.Pass pass : passes) {
            if (stopped == null && trips.closed()) {
                // The shutdown hook (Ctrl-C) closed the relays: a pass started now would only fail to connect.
                stopped = new RunnerException("the run was interrupted");
            }
            if (stopped != null) {
                // The earlier passes' results are kept; this one's combinations are recorded as not run.
                RunMonitor idle = new RunMonitor(OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT),
                        pass.plan(), secrets, progress);
                idle.finish(stopped);
                failures.addAll(pass.tagFailures(idle.failures()));
                continue;
            }
            pass.handOver();
            PassOutcome done = runPass(pass.narrow(options), pass.plan(), jmhOut, verbosity, secrets, progress, lanes);
            results.addAll(pass.tag(List.copyOf(done.results())));
            failures.addAll(pass.tagFailures(done.failures()));
            stopped = done.stopped();
        }
        return new PassOutcome(results, failures, stopped);
    }

    /** Runs one pass's benchmarks, one at a time or side by side. */
    private PassOutcome runPass(Options options, Plan plan, JmhOutput jmhOut, VerboseMode verbosity, Secrets secrets, Progress progress, int lanes) throws IOException {
        if (lanes > 1) {
            ParallelRun.Outcome outcome = new ParallelRun(lanes, options, plan, jmhOut.stream(), verbosity, secrets, progress).run();
            if (outcome.stopped() != null) {
                throwIfSetupFailure(outcome.stopped(), outcome.started());
            }
            return new PassOutcome(outcome.results(), outcome.failures(), outcome.stopped());
        }
        OutputFormat text = OutputFormatFactory.createFormatInstance(new RedactingPrintStream(jmhOut.stream(), secrets), verbosity);
        RunMonitor monitor = new RunMonitor(text, plan, secrets, progress);
        RunnerException stopped = null;
        Collection<RunResult> results;
        try {
            results = new Runner(options, monitor).run();
        } catch (RunnerException e) {
            // Counted over the whole run: a later pass that cannot start must not lose the earlier passes' results.
            throwIfSetupFailure(e, progress.started());
            stopped = e;
            results = monitor.resultsSoFar();
        }
        monitor.finish(stopped);
        return new PassOutcome(results, monitor.failures(), stopped);
    }

    /** A run that stopped before anything ran failed to set up (a bad profiler, JMH's lock held): one line, exit 2. */
    private static void throwIfSetupFailure(RunnerException e, int started) {
        if (e instanceof ProfilersFailedException) {
            throw new SetupException("-prof: " + RunMonitor.firstLine(e) + ". Run with -lprof to list the profilers this machine supports", e);
        }
        if (e instanceof NoBenchmarksException) {
            throw new SetupException("no benchmark matches the selection. Run with -l to list the benchmarks", e);
        }
        if (started == 0) {
            // Nothing ran yet (JMH's global lock is held by another run, most often): still a set-up failure.
            throw new SetupException("[jmh] " + RunMonitor.firstLine(e).replaceFirst("^ERROR: ", ""), e);
        }
    }

    /**
     * -rf/-rff with benchmarks run side by side: each lane's JMH run would overwrite the file, so it is
     * written here once, with every result, in the format JMH would have used.
     */
    private static void writeResultFile(Options options, Collection<RunResult> results) {
        if (!options.getResult().hasValue() && !options.getResultFormat().hasValue()) {
            return;
        }
        ResultFormatType type = options.getResultFormat().orElse(Defaults.RESULT_FORMAT);
        String file = options.getResult().orElse(Defaults.RESULT_FILE_PREFIX + "." + type.toString().toLowerCase(java.util.Locale.ROOT));
        ResultFormatFactory.getInstance(type, file).writeOut(results);
    }

    /**
     * How many benchmarks run at once: --parallel, else the profile's choice. JMH's -f 0 runs the
     * benchmarks inside this JVM, where two at once would share JMH's state: always one then.
     */
    private int lanes(Options options) {
        int lanes = parallel != null ? parallel : profile.parallel();
        if (lanes < 1 || lanes > MAX_PARALLEL) {
            throw new SetupException("--parallel " + lanes + " is out of range: give 1 to " + MAX_PARALLEL
                    + " (benchmarks run at once; 1 for measured figures)");
        }
        if (lanes > 1 && options.getForkCount().orElse(1) == 0) {
            if (parallel != null) {
                out.println("[dbbench] -f 0 runs the benchmarks inside this JVM: --parallel " + lanes + " is ignored, one runs at a time");
            }
            return 1;
        }
        if (parallel != null && lanes > 1 && profile != Profile.SMOKE) {
            out.println("[dbbench] --parallel " + lanes + " with the " + profile.label() + " profile: forks side by side disturb each"
                    + " other's timings; use it to check that benchmarks run, not for figures");
        }
        return lanes;
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

    private PostgresSettings commandLinePostgres() {
        return new PostgresSettings(
                Optional.ofNullable(pgUrl).map(v -> new Setting(v, PG_URL)),
                Optional.ofNullable(pgUser).map(v -> new Setting(v, PG_USER)),
                Optional.ofNullable(pgPassword).map(v -> new Setting(v, PG_PASSWORD)));
    }

    /** --sqlite-dir, else -Ddbbench.sqlite.dir, else DBBENCH_SQLITE_DIR; empty for the system's temporary directory. */
    private Optional<Setting> sqliteDirSetting() {
        if (sqliteDir != null) {
            return Optional.of(new Setting(sqliteDir.toAbsolutePath().toString(), SQLITE_DIR));
        }
        String property = System.getProperty(SqliteDirectory.DIR_PROPERTY);
        if (property != null && !property.isEmpty()) {
            return Optional.of(new Setting(Path.of(property).toAbsolutePath().toString(), "-D" + SqliteDirectory.DIR_PROPERTY));
        }
        String variable = env.get(SqliteDirectory.DIR_ENV);
        if (variable != null && !variable.isEmpty()) {
            return Optional.of(new Setting(Path.of(variable).toAbsolutePath().toString(), SqliteDirectory.DIR_ENV));
        }
        return Optional.empty();
    }

    /** Sets each property (removing it for a null value) and returns the values it replaced. */
    private static Map<String, String> setSystemProperties(Map<String, String> properties) {
        Map<String, String> previous = new java.util.HashMap<>();
        properties.forEach((k, v) -> {
            previous.put(k, System.getProperty(k));
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        return previous;
    }

    private void describeRun(ObjectNode run, Options base, Plan plan, Instant started, Secrets secrets) {
        run.put("started_at", started.toString());
        run.put("profile", profile.label());
        run.put("profile_description", profile.description());
        ArrayNode args = run.putArray("arguments");
        // The value after a separate "--pg-password" is the password itself, whatever it looks like.
        String previous = "";
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            args.add("--pg-password".equals(previous) ? Secrets.MASK : secrets.redact(a));
            previous = a;
        }
        ArrayNode includes = run.putArray("includes");
        base.getIncludes().forEach(includes::add);
        ArrayNode excludes = run.putArray("excludes");
        base.getExcludes().forEach(excludes::add);
        ObjectNode overrides = run.putObject("jmh_overrides");
        if (base.getForkCount().hasValue()) {
            overrides.put("forks", base.getForkCount().get());
        }
        if (base.getWarmupIterations().hasValue()) {
            overrides.put("warmup_iterations", base.getWarmupIterations().get());
        }
        if (base.getWarmupTime().hasValue()) {
            overrides.put("warmup_time", base.getWarmupTime().get().toString());
        }
        if (base.getMeasurementIterations().hasValue()) {
            overrides.put("measurement_iterations", base.getMeasurementIterations().get());
        }
        if (base.getMeasurementTime().hasValue()) {
            overrides.put("measurement_time", base.getMeasurementTime().get().toString());
        }
        if (base.getThreads().hasValue()) {
            overrides.put("threads", base.getThreads().get());
        }
        run.put("planned_combinations", plan.size());
        run.put("results_dir", resultsDir.toAbsolutePath().toString());
    }

    private boolean notifyListeners(Path runDir) {
        List<RunListener> listeners = new ArrayList<>(extraListeners);
        ServiceLoader.load(RunListener.class).forEach(listeners::add);
        boolean ok = true;
        for (RunListener l : listeners) {
            try {
                l.afterRun(runDir);
            } catch (Exception e) {
                ok = false;
                out.println("[dbbench] " + l.getClass().getName() + " failed after the run: " + RunMonitor.firstLine(e) + " (the results are written)");
                if (verbose) {
                    e.printStackTrace(out);
                }
            }
        }
        return ok;
    }

    /**
     * The run's PostgreSQL server, stopped exactly once: when the run ends, or by a shutdown hook
     * when the launcher is interrupted (Ctrl-C) so no embedded server is left behind.
     */
    static final class ServerLease implements AutoCloseable {
        private final PostgresServer server;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Thread hook;

        private ServerLease(PostgresServer server) {
            this.server = server;
            this.hook = server == null ? null : new Thread(this::stop, "dbbench-postgres-stop");
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }

        static ServerLease of(PostgresServer server) {
            return new ServerLease(server);
        }

        static ServerLease none() {
            return new ServerLease(null);
        }

        PostgresServer get() {
            return server;
        }

        String password() {
            return server == null ? null : server.admin().password();
        }

        private void stop() {
            if (server != null && closed.compareAndSet(false, true)) {
                try {
                    server.close();
                } catch (RuntimeException e) {
                    System.err.println("[postgres] " + e.getMessage());
                }
            }
        }

        @Override
        public void close() {
            stop();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down: the hook runs (or ran) and finds the server stopped.
                }
            }
        }
    }

    /** Where JMH's own text goes: the console, or the file given with -o (closed after the run). */
    record JmhOutput(PrintStream stream, boolean owned) implements AutoCloseable {
        static JmhOutput open(Options options, PrintStream console) {
            if (!options.getOutput().hasValue()) {
                return new JmhOutput(console, false);
            }
            String file = options.getOutput().get();
            try {
                return new JmhOutput(new PrintStream(new FileOutputStream(file), true, StandardCharsets.UTF_8), true);
            } catch (FileNotFoundException e) {
                throw new SetupException("-o cannot write \"" + file + "\" (" + e.getMessage() + "). Name a file in a writable directory", e);
            }
        }

        @Override
        public void close() {
            if (owned) {
                stream.close();
            } else {
                stream.flush();
            }
        }
    }
}
