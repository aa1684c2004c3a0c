package dev.dbbench.core.provision;

/**
 * The one server of this JVM, provisioned on first use from system properties and environment
 * and stopped when the JVM exits. Tests and benchmarks take fresh databases from it with
 * {@link PostgresServer#createDatabase(String)}.
 */
public final class SharedPostgres {
    private static PostgresServer server;

    private SharedPostgres() {}

    public static synchronized PostgresServer get() {
        if (server == null) {
            PostgresServer started = PostgresProvisioner.provision();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (RuntimeException e) {
                    System.err.println("[postgres] " + e.getMessage());
                }
            }, "dbbench-postgres-stop"));
            server = started;
        }
        return server;
    }
}
