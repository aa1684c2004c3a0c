package dev.dbbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbench.core.provision.Secrets;
import dev.dbbench.core.provision.Setting;
import dev.dbbench.core.provision.SqliteDirectory;
import dev.dbbench.results.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.openjdk.jmh.runner.options.Options;

/**
 * The run's environment.json as a JSON tree: what was asked for (its {@code run} object: profile,
 * arguments with passwords masked, JMH overrides, the plan's size) and the machine, JDK, drivers
 * and databases ({@link Environment}). Started before the first benchmark, finished after the last.
 */
final class RunEnvironment {
    private final ObjectNode environment;
    private final ObjectNode run;
    private final Instant started;

    private RunEnvironment(ObjectNode environment, ObjectNode run, Instant started) {
        this.environment = environment;
        this.run = run;
        this.started = started;
    }

    /** {@code combinations} counts every combination of the run once (the PostgreSQL ones once per round trip); {@code gc} whether the gc profiler runs. */
    static RunEnvironment start(ObjectMapper json, RunSettings settings, int combinations, boolean gc, RunSession session) {
        ObjectNode environment = json.createObjectNode();
        ObjectNode run = environment.putObject("run");
        Instant started = Instant.now();
        describe(run, settings, combinations, started, session.secrets());
        run.put("parallel", settings.lanes());
        run.put("gc_profiler", gc);
        run.put("class_sharing", settings.classSharing()
                ? "on: each benchmark class's first fork writes a class archive (-XX:ArchiveClassesAtExit) that its later forks map"
                : "off");
        // Smoke's tables are scaled down: said here and in the report, so no one reads its figures as full-size ones.
        run.put("scale", settings.scale().label());
        run.put("scale_description", settings.scale().describe());
        environment.setAll(Environment.collect(json, settings.sqliteParent().map(s -> Path.of(s.value())).orElse(null),
                settings.sqliteParent().map(Setting::name).orElse(SqliteDirectory.DIR_ENV), session.server()));
        session.trips().describe(environment);
        return new RunEnvironment(environment, run, started);
    }

    Instant started() {
        return started;
    }

    /** Adds when and how the run ended; returns the finished tree. */
    ObjectNode finish(int failures, boolean interrupted) {
        Instant finished = Instant.now();
        run.put("finished_at", finished.toString());
        run.put("duration_seconds", Duration.between(started, finished).toMillis() / 1000.0);
        run.put("failures", failures);
        run.put("interrupted", interrupted);
        return environment;
    }

    private static void describe(ObjectNode run, RunSettings settings, int combinations, Instant started, Secrets secrets) {
        run.put("started_at", started.toString());
        run.put("profile", settings.profile().label());
        run.put("profile_description", settings.profile().description());
        ArrayNode args = run.putArray("arguments");
        // The value after a separate "--pg-password" is the password itself, whatever it looks like.
        String previous = "";
        for (String a : settings.arguments()) {
            args.add(RunSettings.PG_PASSWORD.equals(previous) ? Secrets.MASK : secrets.redact(a));
            previous = a;
        }
        Options base = settings.options();
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
        run.put("planned_combinations", combinations);
        run.put("rounds", settings.rounds());
        run.put("results_dir", settings.resultsDir().toAbsolutePath().toString());
    }
}
