package dev.dbbench.core.provision;

import dev.dbbench.core.FirstLine;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Gives a PostgreSQL server, in this order: the explicit settings when a URL is given; a
 * Testcontainers container when a Docker engine answers; otherwise an embedded server (zonky)
 * started from the binaries in the jar. Says in one line which was chosen and why.
 */
public final class PostgresProvisioner {
    /**
     * The image used when a Docker engine is reachable: a pinned minor release, the same PostgreSQL as
     * the embedded binaries (18.6), so a container run and an embedded run measure the same server
     * version; a floating tag ("18-alpine") would change it under the results.
     */
    public static final String CONTAINER_IMAGE = "postgres:18.6-alpine";

    /**
     * {@code -Ddbbench.pg.durable=false} (or {@code DBBENCH_PG_DURABLE=false}) starts the embedded
     * server with fsync and synchronous_commit off: for tests and the smoke profile, which check
     * behaviour, not speed. Measured runs keep the default, a durable server like a stock one.
     */
    public static final String DURABLE_PROPERTY = "dbbench.pg.durable";
    public static final String DURABLE_ENV = "DBBENCH_PG_DURABLE";

    static final int CONNECT_TIMEOUT_SECONDS = 5;

    private PostgresProvisioner() {}

    /** Provisions from this JVM's system properties and environment, saying the choice on stderr. */
    public static PostgresServer provision() {
        return provision(PostgresSettings.fromEnvironment(), System.getenv(), line -> System.err.println(line));
    }

    /**
     * Provisions a server. {@code log} receives the one line naming the choice.
     *
     * @throws ProvisioningException with a one-line message when no server can be had
     */
    public static PostgresServer provision(PostgresSettings settings, Map<String, String> env, Consumer<String> log) {
        return provision(settings, env, log, durable(env).orElse(true));
    }

    /**
     * {@code -Ddbbench.pg.durable}, else {@code DBBENCH_PG_DURABLE}: empty when neither is set.
     *
     * @throws ProvisioningException when the value is not {@code true} or {@code false}: "maybe"
     *         must not quietly mean durable
     */
    public static Optional<Boolean> durable(Map<String, String> env) {
        String property = System.getProperty(DURABLE_PROPERTY);
        String name = property != null ? "-D" + DURABLE_PROPERTY : DURABLE_ENV;
        String value = property != null ? property : env.get(DURABLE_ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(value.strip()));
        }
        throw new ProvisioningException(name + " must be true or false, was \"" + value + "\". Give " + name
                + "=false for a server without fsync (checks, not measurements), or leave it unset");
    }

    /**
     * Provisions a server; {@code durable} decides whether a server started here (embedded or a
     * container) keeps fsync and synchronous_commit on. An explicit server is used as it is.
     */
    public static PostgresServer provision(PostgresSettings settings, Map<String, String> env, Consumer<String> log, boolean durable) {
        if (settings.explicit()) {
            PgEndpoint endpoint = settings.endpoint();
            String version = check(endpoint, settings);
            String setting = settings.url().map(Setting::name).orElse(PostgresSettings.URL_ENV);
            PostgresServer server = new PostgresServer(endpoint, PostgresServer.Source.EXPLICIT, "explicit settings (" + setting + ")", null);
            log.accept("[postgres] using PostgreSQL " + version + " at " + endpoint + ": explicit settings (" + setting + ")");
            return server;
        }
        Optional<String> engine = dockerEngine();
        String whyNotDocker;
        if (engine.isPresent()) {
            try {
                PostgresServer server = startContainer(engine.get(), durable);
                log.accept("[postgres] using Testcontainers " + CONTAINER_IMAGE + " at " + server.admin() + ": no " + PostgresSettings.URL_ENV
                        + " given, Docker engine at " + engine.get());
                return server;
            } catch (RuntimeException e) {
                whyNotDocker = "Docker engine at " + engine.get() + " answered but the container failed (" + FirstLine.of(e) + ")";
            }
        } else {
            whyNotDocker = "no Docker engine found by Testcontainers";
        }
        Optional<String> platform = embeddedPlatformProblem(System.getProperty("os.name"), System.getProperty("os.arch"));
        if (platform.isPresent()) {
            throw new ProvisioningException("[postgres] no server available: " + whyNotDocker + ", and " + platform.get() + ". Set "
                    + PostgresSettings.URL_ENV + ", " + PostgresSettings.USER_ENV + " and " + PostgresSettings.PASSWORD_ENV
                    + " (or --pg-url, --pg-user, --pg-password) to a running server");
        }
        try {
            PostgresServer server = startEmbedded(durable);
            log.accept("[postgres] using embedded PostgreSQL " + server.serverVersion() + " at " + server.admin() + (durable ? "" : " (not durable: fsync off)")
                    + ": no " + PostgresSettings.URL_ENV + " given, " + whyNotDocker);
            return server;
        } catch (Exception e) {
            throw new ProvisioningException("[postgres] no server available: " + whyNotDocker + ", and embedded PostgreSQL failed to start (" + FirstLine.of(e)
                    + "). Set " + PostgresSettings.URL_ENV + ", " + PostgresSettings.USER_ENV + " and " + PostgresSettings.PASSWORD_ENV
                    + " (or --pg-url, --pg-user, --pg-password) to a running server", e);
        }
    }

    /**
     * Provisions the kind of server {@code forced} names ({@code forcedBy}: how the person named it, for
     * messages), or chooses as {@link #provision(PostgresSettings, Map, Consumer, boolean)} when it is null.
     *
     * @throws ProvisioningException with a one-line message when that kind of server cannot be had
     */
    public static PostgresServer provision(PostgresSettings settings, Map<String, String> env, Consumer<String> log, boolean durable,
                                           PgProvider forced, String forcedBy) {
        if (forced == null) {
            return provision(settings, env, log, durable);
        }
        String chosen = forcedBy + " " + forced.name().toLowerCase(java.util.Locale.ROOT);
        switch (forced) {
            case URL -> {
                if (!settings.explicit()) {
                    throw new ProvisioningException("[postgres] " + chosen + " needs a server to connect to: give --pg-url (or " + PostgresSettings.URL_ENV
                            + ") with its user and password, or choose " + forcedBy + " container or embedded");
                }
                return provision(settings, env, log, durable);
            }
            case CONTAINER -> {
                String engine = dockerEngine().orElseThrow(() -> new ProvisioningException("[postgres] " + chosen
                        + ": Testcontainers found no Docker engine (it reads DOCKER_HOST, docker.host in ~/.testcontainers.properties and"
                        + " TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE, then tries the usual sockets). Start Docker or point those at it, or choose "
                        + forcedBy + " embedded"));
                try {
                    PostgresServer server = startContainer(engine, durable);
                    log.accept("[postgres] using Testcontainers " + CONTAINER_IMAGE + " at " + server.admin() + ": " + chosen + ", Docker engine at " + engine);
                    return server;
                } catch (RuntimeException e) {
                    throw new ProvisioningException("[postgres] " + chosen + ": the " + CONTAINER_IMAGE + " container on the Docker engine at " + engine
                            + " failed to start (" + FirstLine.of(e) + ")", e);
                }
            }
            case EMBEDDED -> {
                embeddedPlatformProblem(System.getProperty("os.name"), System.getProperty("os.arch")).ifPresent(problem -> {
                    throw new ProvisioningException("[postgres] " + chosen + ": " + problem + ". Give --pg-url, or choose " + forcedBy + " container");
                });
                try {
                    PostgresServer server = startEmbedded(durable);
                    log.accept("[postgres] using embedded PostgreSQL " + server.serverVersion() + " at " + server.admin()
                            + (durable ? "" : " (not durable: fsync off)") + ": " + chosen);
                    return server;
                } catch (Exception e) {
                    throw new ProvisioningException("[postgres] " + chosen + ": embedded PostgreSQL failed to start (" + FirstLine.of(e) + ")", e);
                }
            }
            default -> throw new IllegalArgumentException(forced.name());
        }
    }

    /**
     * The Docker engine Testcontainers finds with its own discovery (DOCKER_HOST, ~/.testcontainers.properties,
     * TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE, the usual sockets); empty when there is none. Testcontainers
     * remembers the answer, so only the first call costs anything (about a second without an engine).
     */
    static Optional<String> dockerEngine() {
        try {
            org.testcontainers.DockerClientFactory docker = org.testcontainers.DockerClientFactory.instance();
            if (!docker.isDockerAvailable()) {
                return Optional.empty();
            }
            return Optional.of(String.valueOf(docker.getTransportConfig().getDockerHost()));
        } catch (RuntimeException | LinkageError e) {
            // A broken Docker configuration is "no engine" here: the embedded server is the fallback.
            return Optional.empty();
        }
    }

    /** Why the embedded server cannot start here, or empty: its binaries in the jar are for Linux x86_64 only. */
    static Optional<String> embeddedPlatformProblem(String osName, String osArch) {
        boolean linux = osName != null && osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux");
        boolean x8664 = "amd64".equals(osArch) || "x86_64".equals(osArch);
        return linux && x8664 ? Optional.empty()
                : Optional.of("embedded PostgreSQL needs Linux x86_64 (the binaries in the jar), this is " + osName + " " + osArch);
    }

    /**
     * Connects once with short timeouts and turns the usual failures into one line naming the
     * setting to fix. Returns the server version.
     */
    static String check(PgEndpoint endpoint, PostgresSettings settings) {
        String urlName = settings.url().map(Setting::name).orElse(PostgresSettings.URL_ENV);
        String userName = settings.user().map(Setting::name).orElse(PostgresSettings.USER_ENV);
        String passwordName = settings.password().map(Setting::name).orElse(PostgresSettings.PASSWORD_ENV);
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password());
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS * 2));
        props.setProperty("socketTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS * 2));
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), props)) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (state.equals("28P01") || state.equals("28000") || message.contains("password")) {
                throw new ProvisioningException("[postgres] login refused for user \"" + endpoint.user() + "\" at " + endpoint.jdbcUrl() + " (" + state
                        + "): check " + userName + " and " + passwordName, e);
            }
            if (state.equals("3D000")) {
                throw new ProvisioningException("[postgres] " + urlName + " names a database that does not exist: \"" + endpoint.database()
                        + "\". Create it or name an existing one", e);
            }
            boolean unreachable = state.startsWith("08") || hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class);
            if (unreachable && urlName.equals(PgHandoff.SETTING_NAME)) {
                throw new ProvisioningException("[postgres] the launcher's PostgreSQL server at " + endpoint.jdbcUrl() + " stopped answering during the run ("
                        + FirstLine.of(e) + "): it was stopped or died; the benchmarks that finished before keep their results", e);
            }
            if (unreachable) {
                throw new ProvisioningException("[postgres] " + urlName + " is unreachable: " + endpoint.jdbcUrl() + " (" + FirstLine.of(e)
                        + "). Start the server or fix host and port", e);
            }
            throw new ProvisioningException("[postgres] cannot connect to " + endpoint.jdbcUrl() + " given by " + urlName + " (" + state + " " + FirstLine.of(e) + ")", e);
        }
    }

    private static PostgresServer startEmbedded(boolean durable) throws Exception {
        String onOff = durable ? "on" : "off";
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // Room for the pooling benchmarks' no-pool variant at 64 threads plus the pools themselves.
                .setServerConfig("max_connections", "300")
                // The library turns durability off by default; commit-cost comparisons would then time
                // commits that never reach the disk. Measured runs keep PostgreSQL's own defaults.
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff)
                .setOutputRedirector(java.lang.ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.DISCARD)
                .start();
        PgEndpoint admin = new PgEndpoint(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        OrphanWatch watch = OrphanWatch.start(pg.getPort());
        return new PostgresServer(admin, PostgresServer.Source.EMBEDDED, "embedded", () -> {
            try (watch) {
                pg.close();
            }
        });
    }

    private static PostgresServer startContainer(String engine, boolean durable) {
        String onOff = durable ? "on" : "off";
        PostgreSQLContainer container = new PostgreSQLContainer(CONTAINER_IMAGE).withCommand("postgres", "-c", "max_connections=300",
                "-c", "fsync=" + onOff, "-c", "synchronous_commit=" + onOff);
        container.start();
        PgEndpoint admin = new PgEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        return new PostgresServer(admin, PostgresServer.Source.TESTCONTAINERS, "Docker engine at " + engine, container::stop);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
