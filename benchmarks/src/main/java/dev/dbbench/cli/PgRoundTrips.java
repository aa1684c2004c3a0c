package dev.dbbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbench.core.net.AddedRoundTrip;
import dev.dbbench.core.net.LatencyRelay;
import dev.dbbench.core.net.RoundTrip;
import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.PgHandoff;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.results.Failure;
import dev.dbbench.suite.DatabaseNeeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code --pg-rtt}: the PostgreSQL benchmarks at a network's distance. One {@link LatencyRelay} per
 * round trip runs in this (the launcher's) process in front of the run's server; the forks are
 * simply handed the relay's address as their server ({@link ForkContract#withPostgres}: same login,
 * same password file), so JDBC, the pools and the Vert.x client all go through it without knowing.
 *
 * <p>The run becomes passes: the benchmarks that do not use PostgreSQL once, then the PostgreSQL
 * ones once per round trip, each pass a JMH run of its own with the forks pointed at that pass's
 * relay. Every PostgreSQL result then carries the round trip as one more parameter,
 * {@value #PARAM}, so results, the report's groups and its claims show it as a dimension like any
 * {@code @Param} (a benchmark cannot declare it: JMH drops {@code -p} values a class does not
 * declare, and the round trip is the launcher's, not the benchmark's).
 *
 * <p>Each relay proves itself before the run: {@code SELECT 1} timed straight to the server and
 * through the relay ({@link AddedRoundTrip}); the added median is printed and kept in
 * {@code environment.json}. The relays close when the run ends, and from a shutdown hook on
 * Ctrl-C.
 */
final class PgRoundTrips implements AutoCloseable {
    static final String OPTION = "--pg-rtt";
    static final String PROPERTY = "dbbench.pg.rtt";
    /** The parameter every relayed result carries. */
    static final String PARAM = "pgRtt";
    /** {@code SELECT 1} timed on each path to measure what a relay adds. */
    static final int PROBE_QUERIES = 200;

    /**
     * One JMH run: part of the plan, with or without a relay in front of the server, and what its
     * forks are handed; {@code forks} is each combination's forks in this pass when a round sets
     * them ({@link Rounds}), 0 for the settings' own.
     */
    record Pass(Plan plan, LatencyRelay relay, AddedRoundTrip added, boolean whole, ForkContract contract, int forks) {

        /** The run's options narrowed to this pass's benchmarks (excludes add up; includes would not narrow), with the pass's forks. */
        Options narrow(Options options) {
            if (whole && forks == 0) {
                return options;
            }
            ChainedOptionsBuilder only = new OptionsBuilder().parent(options);
            if (!whole) {
                String names = plan.items().stream().map(Plan.Item::benchmark).distinct().map(Pattern::quote).collect(Collectors.joining("|"));
                only.exclude("^(?!(?:" + names + ")$)");
            }
            if (forks > 0) {
                only.forks(forks);
            }
            return only.build();
        }

        /** The same server and relay for {@code part} of this pass's plan, each combination with {@code forks} forks (0: its own). */
        Pass part(Plan part, int forks) {
            boolean all = part.items().equals(plan.items()) && whole;
            return new Pass(part, relay, added, all, contract, forks);
        }

        /** Points the forks at this pass's server (the launcher refuses --pg-rtt with -f 0, where there are no forks to point). */
        void handOver() {
            ForkSystemProperties.set(contract.toProperties());
        }

        String label() {
            return relay == null ? "" : relay.roundTrip().label();
        }

        List<RunResult> tag(List<RunResult> results) {
            return relay == null ? results : results.stream().map(r -> withParam(r, PARAM, label())).toList();
        }

        List<Failure> tagFailures(List<Failure> failures) {
            if (relay == null) {
                return failures;
            }
            List<Failure> out = new ArrayList<>();
            for (Failure f : failures) {
                Map<String, String> params = new LinkedHashMap<>(f.params());
                params.put(PARAM, label());
                out.add(new Failure(f.benchmark(), f.mode(), params, f.reason() + " (" + PARAM + "=" + label() + ")", f.error()));
            }
            return out;
        }
    }

    private final List<Relayed> relays;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook;

    private record Relayed(LatencyRelay relay, AddedRoundTrip added) {}

    private PgRoundTrips(List<Relayed> relays) {
        this.relays = List.copyOf(relays);
        this.hook = relays.isEmpty() ? null : new Thread(this::stop, "dbbench-relay-stop");
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** {@code --pg-rtt}, else {@code -Ddbbench.pg.rtt}; empty when neither is given. Bad values: a {@link SetupException}. */
    static List<RoundTrip> setting(String option) {
        String name = option != null ? OPTION : "-D" + PROPERTY;
        String value = option != null ? option : System.getProperty(PROPERTY);
        if (value == null || (option == null && value.isBlank())) {
            return List.of();
        }
        try {
            return RoundTrip.parseList(value, name);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage(), e);
        }
    }

    static PgRoundTrips none() {
        return new PgRoundTrips(List.of());
    }

    /** Starts a relay per round trip in front of {@code server} and measures what each adds. */
    static PgRoundTrips start(List<RoundTrip> roundTrips, PostgresServer server, Consumer<String> out) {
        if (roundTrips.isEmpty() || server == null) {
            return none();
        }
        PgEndpoint admin = server.admin();
        List<Relayed> started = new ArrayList<>();
        try {
            for (RoundTrip rtt : roundTrips) {
                LatencyRelay relay = LatencyRelay.start(admin.host(), admin.port(), rtt);
                started.add(new Relayed(relay, null));
                AddedRoundTrip added = AddedRoundTrip.measure(admin, relay, PROBE_QUERIES);
                started.set(started.size() - 1, new Relayed(relay, added));
                out.accept(String.format(Locale.ROOT, "[relay] round trip %s: %s; SELECT 1 median %.3f ms through it, %.3f ms direct: adds %.3f ms",
                        rtt.label(), relay, added.relayedMicros() / 1000, added.directMicros() / 1000, added.addedMicros() / 1000));
            }
        } catch (RuntimeException e) {
            started.forEach(r -> r.relay().close());
            // The relay's own messages start with "[relay]"; anything else (a driver's) gets the prefix here.
            String message = e.getMessage() != null && e.getMessage().startsWith("[relay]") ? e.getMessage() : "[relay] " + e.getMessage();
            throw new SetupException(message + ". " + OPTION + " needs the run's PostgreSQL to answer through a relay on 127.0.0.1", e);
        }
        return new PgRoundTrips(started);
    }

    /** Relays started elsewhere and not measured: the passes without a server to measure against (tests). */
    static PgRoundTrips around(List<LatencyRelay> relays) {
        return new PgRoundTrips(relays.stream().map(r -> new Relayed(r, null)).toList());
    }

    /** Whether the relays were closed, by {@link #close()} or by the shutdown hook on Ctrl-C. */
    boolean closed() {
        return closed.get();
    }

    /**
     * The run as passes: the whole plan once when no round trip is given; else the benchmarks that
     * do not use PostgreSQL once, then the PostgreSQL ones once per round trip, their forks handed
     * {@code contract} with the relay's address in place of the server's (the relays stand in front
     * of the server the contract names: the run's).
     */
    List<Pass> passes(Plan plan, ForkContract contract) {
        if (relays.isEmpty()) {
            return List.of(new Pass(plan, null, null, true, contract, 0));
        }
        PgHandoff direct = contract.postgres().orElseThrow(() -> new IllegalStateException("round-trip relays but no server in the fork contract"));
        List<Pass> passes = new ArrayList<>();
        List<Plan.Item> others = plan.items().stream().filter(i -> !needsPostgres(i)).toList();
        if (!others.isEmpty()) {
            passes.add(new Pass(new Plan(others), null, null, false, contract, 0));
        }
        Plan postgres = new Plan(plan.items().stream().filter(PgRoundTrips::needsPostgres).toList());
        for (Relayed r : relays) {
            PgHandoff relayed = direct.withAddress(r.relay().address().getHostString(), r.relay().address().getPort());
            passes.add(new Pass(postgres, r.relay(), r.added(), false, contract.withPostgres(relayed), 0));
        }
        return passes;
    }

    /** The {@code pg_rtt} section of environment.json: each round trip, its relay and what it measured. */
    void describe(ObjectNode environment) {
        if (relays.isEmpty()) {
            return;
        }
        ObjectNode section = environment.putObject("pg_rtt");
        section.put("parameter", PARAM);
        section.put("how", "a TCP relay on 127.0.0.1 in the launcher delays each direction by half the round trip;"
                + " new connections also wait one round trip for the emulated TCP handshake");
        // Keyed by the parameter's value, so the report's environment table shows one line per figure.
        ObjectNode byValue = section.putObject("round_trips");
        for (Relayed r : relays) {
            ObjectNode node = byValue.putObject(r.relay().roundTrip().label());
            node.put("round_trip_ms", r.relay().roundTrip().value().toNanos() / 1e6);
            node.put("select1_direct_median_ms", milliseconds(r.added().directMicros()));
            node.put("select1_relayed_median_ms", milliseconds(r.added().relayedMicros()));
            node.put("added_median_ms", milliseconds(r.added().addedMicros()));
            node.put("queries", r.added().queries());
        }
    }

    /** Microseconds as milliseconds to the microsecond: finer is noise. */
    private static double milliseconds(double micros) {
        return Math.round(micros) / 1000.0;
    }

    /** One line per round trip for the end of the run. */
    List<String> summaryLines() {
        return relays.stream().map(r -> String.format(Locale.ROOT, "[relay] %s=%s: SELECT 1 measured %.3f ms slower than direct (median of %d)",
                PARAM, r.relay().roundTrip().label(), r.added().addedMicros() / 1000, r.added().queries())).toList();
    }

    private static boolean needsPostgres(Plan.Item item) {
        String benchmark = item.benchmark();
        return DatabaseNeeds.needsPostgres(benchmark.substring(0, benchmark.lastIndexOf('.')));
    }

    /** The same result with one more parameter, last, so JMH's JSON, the CSV and the report carry it. */
    static RunResult withParam(RunResult result, String name, String value) {
        BenchmarkParams p = result.getParams();
        WorkloadParams params = workload(p);
        params.put(name, value, p.getParamsKeys().size());
        return new RunResult(rebuilt(p, params, p.getForks()), result.getBenchmarkResults());
    }

    /** {@code p} with other parameters and fork count, everything else as it was: JMH's params have no setters. */
    static BenchmarkParams rebuilt(BenchmarkParams p, WorkloadParams params, int forks) {
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(), p.getThreads(),
                p.getThreadGroups(), p.getThreadGroupLabels(), forks, p.getWarmupForks(), p.getWarmup(), p.getMeasurement(),
                p.getMode(), params, p.getTimeUnit(), p.getOpsPerInvocation(), p.getJvm(), p.getJvmArgs(), p.getJdkVersion(),
                p.getVmName(), p.getVmVersion(), p.getJmhVersion(), p.getTimeout());
    }

    /** A copy of the parameters of {@code p}, in their order. */
    static WorkloadParams workload(BenchmarkParams p) {
        WorkloadParams params = new WorkloadParams();
        int order = 0;
        for (String key : p.getParamsKeys()) {
            params.put(key, p.getParam(key), order++);
        }
        return params;
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            relays.forEach(r -> r.relay().close());
        }
    }

    @Override
    public void close() {
        stop();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs (or ran) and finds the relays closed.
            }
        }
    }
}
