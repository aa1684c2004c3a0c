package dev.dbbench.cli;

import dev.dbbench.core.provision.PostgresServer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The run's PostgreSQL server, stopped exactly once: when the run ends, or by a shutdown hook
 * when the launcher is interrupted (Ctrl-C) so no embedded server is left behind.
 */
final class ServerLease implements AutoCloseable {
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
