package dev.dbbench.core.provision;

/**
 * The one server of this JVM: the launcher's when this process is a fork ({@link ForkContract}),
 * else provisioned on first use from system properties and environment; stopped (or, when not
 * started here, left as found) when the JVM exits. Tests and benchmarks take fresh databases from it with
 * {@link PostgresServer#createDatabase(String)}.
 */
public final class SharedPostgres {
    private static PostgresServer server;

    private SharedPostgres() {}

    public static synchronized PostgresServer get() {
        if (server == null) {
            // A fork uses the server its contract names, whatever this process's environment says;
            // on its own, a process provisions from its settings.
            PostgresServer started = ForkContract.fromSystemProperties().postgres()
                    .map(handed -> PostgresProvisioner.provision(handed.settings(), java.util.Map.of(), line -> System.err.println(line)))
                    .orElseGet(PostgresProvisioner::provision);
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
