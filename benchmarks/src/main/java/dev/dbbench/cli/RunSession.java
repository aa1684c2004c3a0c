package dev.dbbench.cli;

import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.PostgresProvisioner;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.Secrets;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What a run holds while its benchmarks run, and gives back on every exit path (normal end,
 * failure, Ctrl-C), last made first given back: the interrupt watch, JMH's text output, the lease
 * on the PostgreSQL server, the hand-over to the forks ({@link ForkHandoff}), the round-trip
 * relays and the forks' class archives ({@link ClassSharing}). While it is open the forks' system properties are set, in this JVM too (with -f 0 the
 * benchmarks run here and look the same settings up).
 */
final class RunSession implements AutoCloseable {
    private final Deque<AutoCloseable> held = new ArrayDeque<>();
    private final RunSettings settings;
    private final JmhOutput jmhOut;
    private final ServerLease server;
    private final ForkHandoff handoff;
    private final PgRoundTrips trips;
    private final Map<String, String> replacedProperties;

    private RunSession(RunSettings settings, Map<String, String> env, PrintStream out) {
        this.settings = settings;
        try {
            // The interrupt watch first, so it is given back last: it lets the JVM end once everything else is cleaned up.
            hold(Interruption.arm());
            jmhOut = hold(JmhOutput.open(settings.options(), out));
            server = hold(settings.needsPostgres()
                    ? ServerLease.of(PostgresProvisioner.provision(settings.postgres(), env, out::println, settings.durable(),
                            settings.pgProvider(), RunSettings.PG_PROVIDER))
                    : ServerLease.none());
            handoff = hold(ForkHandoff.create(server.get(), settings.sqliteParent(), settings.durable(), settings.scale()));
            trips = hold(PgRoundTrips.start(settings.roundTrips(), server.get(), out::println));
            hold(settings.classSharing() ? ClassSharing.start(System.getProperty("java.class.path"), settings.plan().forksByClass()) : ClassSharing.off());
        } catch (RuntimeException | Error e) {
            giveBack(e);
            throw e;
        }
        Map<String, String> forkProperties = handoff.contract().toProperties();
        ForkSystemProperties.set(forkProperties);
        replacedProperties = setSystemProperties(forkProperties);
    }

    /** Makes everything the run needs, or nothing: what was made before a failure is given back. */
    static RunSession open(RunSettings settings, Map<String, String> env, PrintStream out) {
        return new RunSession(settings, env, out);
    }

    JmhOutput jmhOut() {
        return jmhOut;
    }

    /** The run's PostgreSQL server; null when no selected benchmark needs one. */
    PostgresServer server() {
        return server.get();
    }

    PgRoundTrips trips() {
        return trips;
    }

    /** What every fork is handed (a {@code --pg-rtt} pass points it at its relay). */
    ForkContract forkContract() {
        return handoff.contract();
    }

    /** Every password of the run, the provisioned server's included. */
    Secrets secrets() {
        return settings.secrets().and(server.password());
    }

    @Override
    public void close() {
        ForkSystemProperties.clear();
        setSystemProperties(replacedProperties);
        giveBack(null);
    }

    private <T extends AutoCloseable> T hold(T resource) {
        held.push(resource);
        return resource;
    }

    /** Closes what is held, last made first; a failure to close is added to {@code failure} (or thrown, when there is none). */
    private void giveBack(Throwable failure) {
        RuntimeException first = null;
        while (!held.isEmpty()) {
            try {
                held.pop().close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Sets each property (removing it for a null value) and returns the values it replaced. */
    private static Map<String, String> setSystemProperties(Map<String, String> properties) {
        Map<String, String> previous = new HashMap<>();
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
}
