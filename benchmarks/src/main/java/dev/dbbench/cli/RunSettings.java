package dev.dbbench.cli;

import dev.dbbench.core.net.RoundTrip;
import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.PgProvider;
import dev.dbbench.core.provision.PostgresProvisioner;
import dev.dbbench.core.provision.PostgresSettings;
import dev.dbbench.core.provision.Scale;
import dev.dbbench.core.provision.Secrets;
import dev.dbbench.core.provision.Setting;
import dev.dbbench.core.provision.SqliteDirectory;
import dev.dbbench.profile.GcProfilerSwitch;
import dev.dbbench.results.RunFolder;
import dev.dbbench.suite.DatabaseNeeds;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import picocli.CommandLine.ParseResult;

/**
 * A run's settings, resolved once and checked before anything is created or started: the one
 * place where a command-line option wins over a system property, which wins over an environment
 * variable, which wins over the default. The later phases read this record and decide nothing.
 *
 * @param options       JMH's options: the command line's, with the profile filling in what it leaves open
 * @param plan          every benchmark x parameter combination the options select
 * @param lanes         benchmarks run at once
 * @param rounds        the rounds each combination's forks are spread over ({@link Rounds}): --rounds, else the profile's
 * @param gcProfiler    whether the launcher adds JMH's gc profiler (the person may still ask for it with -prof)
 * @param sqliteParent  where SQLite files go, and which setting said so; empty for the temporary directory
 * @param secrets       every password given, masked wherever the run writes or prints
 * @param needsPostgres whether a selected benchmark needs the run's PostgreSQL server
 * @param classSharing  whether forks share class archives ({@link ClassSharing}): --class-sharing, off with -jvm (another JVM may not take the flags), -f 0, or class folders on the class path (the build's tests)
 */
record RunSettings(Profile profile, Options options, Plan plan, int lanes, int rounds, boolean gcProfiler, boolean classSharing, boolean durable, Scale scale, Path resultsDir,
                   Optional<Setting> sqliteParent, PostgresSettings postgres, PgProvider pgProvider, Secrets secrets,
                   List<RoundTrip> roundTrips, boolean needsPostgres, List<String> arguments) {
    static final String PG_URL = "--pg-url";
    static final String PG_USER = "--pg-user";
    static final String PG_PASSWORD = "--pg-password";
    static final String PG_PROVIDER = "--pg-provider";
    static final String SQLITE_DIR = "--sqlite-dir";
    static final String RESULTS_DIR = "--results-dir";
    static final int MAX_PARALLEL = 16;

    /** The launcher's own options as the command line gave them (null where not given), before any precedence. */
    record Given(Profile profile, Integer parallel, Integer rounds, boolean gcProfiler, Boolean classSharing, Path resultsDir, Path sqliteDir, String pgUrl, String pgUser,
                 String pgPassword, String pgRtt, PgProvider pgProvider, ParseResult parsed) {}

    /** Whether the person asked for JMH's gc profiler with -prof, by its short or its class name. */
    boolean asksForGcProfiler() {
        return options.getProfilers().stream()
                .anyMatch(p -> p.getKlass().equals("gc") || p.getKlass().equals(GCProfiler.class.getName()));
    }

    /** Resolves and checks the command line's settings: the launcher's own ({@code cli}) and JMH's ({@code jmh}). */
    static RunSettings resolve(Given cli, CommandLineOptions jmh, Map<String, String> env, PrintStream out) {
        ChainedOptionsBuilder profiled = new OptionsBuilder().parent(jmh);
        cli.profile().fillIn(profiled, jmh);
        Options options = profiled.build();
        Plan plan = Plan.of(options);

        // Every check before anything is created or started: a refused run leaves nothing behind.
        InputChecks.parameters(List.copyOf(InputChecks.given(cli.parsed())), options);
        InputChecks.jvm(options);
        InputChecks.notEmpty(RESULTS_DIR, cli.resultsDir());
        InputChecks.notEmpty(SQLITE_DIR, cli.sqliteDir());
        InputChecks.outputFiles(options);
        int lanes = lanes(cli, options, out);
        int rounds = rounds(cli, options);
        checkProfilers(jmh);
        // The forks of the regression check turn the gc profiler off with the property; checked here, before anything starts.
        boolean gcProfiler = cli.gcProfiler() && gcProfilerProperty();
        // Smoke runs each combination once: a class's first fork would pay 1.5-3 s to write an archive
        // that a handful of later forks barely use, on a run that exists to finish fast.
        boolean wanted = cli.classSharing() != null ? cli.classSharing() : cli.profile() != Profile.SMOKE;
        boolean classSharing = wanted && !options.getJvm().hasValue() && options.getForkCount().orElse(1) > 0
                && ClassSharing.possible(System.getProperty("java.class.path"));
        boolean durable = durable(cli.profile(), env);
        Scale scale = scale(cli.profile());
        try {
            RunFolder.checkWritable(cli.resultsDir(), RESULTS_DIR);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage(), e);
        }
        Optional<Setting> sqliteParent = sqliteParent(cli.sqliteDir(), env);
        sqliteParent.ifPresent(s -> SqliteDirectory.create(Path.of(s.value()), s.name()).close());

        PostgresSettings postgres = PostgresSettings.from(System.getProperties(), env).overriddenBy(commandLinePostgres(cli));
        Secrets secrets = Secrets.of(postgres.password().map(Setting::value).orElse(null));
        if (postgres.explicit()) {
            // A malformed URL is a mistake even when this selection would not use it; a password inside it is a secret too.
            secrets = secrets.and(postgres.endpoint().password());
        }
        List<RoundTrip> roundTrips = PgRoundTrips.setting(cli.pgRtt());
        boolean needsPostgres = DatabaseNeeds.anyNeedsPostgres(plan.classes());
        if (!roundTrips.isEmpty() && needsPostgres && options.getForkCount().orElse(1) == 0) {
            throw new SetupException(PgRoundTrips.OPTION + " cannot be used with -f 0: the relay's address is handed to forks, and -f 0 runs"
                    + " the benchmarks inside this JVM. Give -f 1 or more");
        }
        if (!roundTrips.isEmpty() && !needsPostgres) {
            out.println("[dbbench] " + PgRoundTrips.OPTION + " is ignored: no selected benchmark uses PostgreSQL");
        }
        List<String> arguments = cli.parsed().originalArgs();
        return new RunSettings(cli.profile(), options, plan, lanes, rounds, gcProfiler, classSharing, durable, scale, cli.resultsDir(), sqliteParent, postgres,
                cli.pgProvider(), secrets, roundTrips, needsPostgres, arguments);
    }

    /**
     * How many benchmarks run at once: --parallel, else the profile's choice. JMH's -f 0 runs the
     * benchmarks inside this JVM, where two at once would share JMH's state: always one then.
     */
    private static int lanes(Given cli, Options options, PrintStream out) {
        Integer parallel = cli.parallel();
        int lanes = parallel != null ? parallel : cli.profile().parallel();
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
        if (parallel != null && lanes > 1 && cli.profile() != Profile.SMOKE) {
            out.println("[dbbench] --parallel " + lanes + " with the " + cli.profile().label() + " profile: forks side by side disturb each"
                    + " other's timings; use it to check that benchmarks run, not for figures");
        }
        return lanes;
    }

    /**
     * How many rounds the forks are spread over: --rounds, else the profile's. One with -f 0 (no
     * forks to spread) and, unless asked for, with warm-up forks, which every round would run again.
     */
    private static int rounds(Given cli, Options options) {
        Integer asked = cli.rounds();
        if (asked != null && (asked < 1 || asked > Rounds.MAX)) {
            throw new SetupException(Rounds.OPTION + " " + asked + " is out of range: give 1 to " + Rounds.MAX
                    + " (the rounds each combination's forks are spread over; 1 runs a combination's forks back to back)");
        }
        int warmupForks = options.getWarmupForkCount().orElse(0);
        if (asked != null && asked > 1 && warmupForks > 0) {
            throw new SetupException(Rounds.OPTION + " " + asked + " cannot be used with -wf " + warmupForks
                    + ": every round would run the warm-up forks again. Give " + Rounds.OPTION + " 1, or leave out -wf");
        }
        if (options.getForkCount().orElse(1) == 0 || warmupForks > 0) {
            return 1;
        }
        return asked != null ? asked : cli.profile().rounds();
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

    /** -Ddbbench.gcProfiler: true when unset. */
    private static boolean gcProfilerProperty() {
        try {
            return GcProfilerSwitch.fromProperty();
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage(), e);
        }
    }

    /**
     * The size of the large tables the forks build: {@code -Ddbbench.scale} when given, else
     * {@link Scale#SMOKE} for the smoke profile (it proves that everything runs, on small data) and
     * full size otherwise.
     */
    private static Scale scale(Profile profile) {
        String given = System.getProperty(ForkContract.SCALE_PROPERTY);
        if (given == null || given.isBlank()) {
            return profile == Profile.SMOKE ? Scale.SMOKE : Scale.FULL;
        }
        try {
            return Scale.parse(given, "-D" + ForkContract.SCALE_PROPERTY);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage(), e);
        }
    }

    /**
     * A server started for a smoke run need not be durable: smoke checks that everything runs, and
     * per-row commits at 100,000 rows would take minutes with fsync on. Measured profiles get a
     * durable server. {@code DBBENCH_PG_DURABLE} or {@code -Ddbbench.pg.durable} overrides both.
     */
    private static boolean durable(Profile profile, Map<String, String> env) {
        return PostgresProvisioner.durable(env).orElse(profile != Profile.SMOKE);
    }

    private static PostgresSettings commandLinePostgres(Given cli) {
        return new PostgresSettings(
                Optional.ofNullable(cli.pgUrl()).map(v -> new Setting(v, PG_URL)),
                Optional.ofNullable(cli.pgUser()).map(v -> new Setting(v, PG_USER)),
                Optional.ofNullable(cli.pgPassword()).map(v -> new Setting(v, PG_PASSWORD)));
    }

    /** --sqlite-dir, else -Ddbbench.sqlite.dir, else DBBENCH_SQLITE_DIR; empty for the system's temporary directory. */
    private static Optional<Setting> sqliteParent(Path option, Map<String, String> env) {
        if (option != null) {
            return Optional.of(new Setting(option.toAbsolutePath().toString(), SQLITE_DIR));
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
}
