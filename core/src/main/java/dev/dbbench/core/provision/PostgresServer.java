package dev.dbbench.core.provision;

import dev.dbbench.core.DatabaseException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A provisioned PostgreSQL server and the fresh databases made on it. Closing drops what was made
 * here and stops the server when provisioning started it.
 */
public final class PostgresServer implements AutoCloseable {
    /** Where the server came from, in the order provisioning tries them. */
    public enum Source {
        EXPLICIT,
        TESTCONTAINERS,
        EMBEDDED
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PgEndpoint admin;
    private final Source source;
    private final String reason;
    private final AutoCloseable stopper;
    private final List<PgEndpoint> created = new ArrayList<>();
    /** Name prefixes of fixture templates this process owns, dropped at {@link #close()} on a server we did not start. */
    private final List<String> templatePrefixes = new ArrayList<>();
    /** Template names are built by the caller from [a-z0-9_]: identifiers cannot be bind parameters. */
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    PostgresServer(PgEndpoint admin, Source source, String reason, AutoCloseable stopper) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.source = Objects.requireNonNull(source, "source");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.stopper = stopper;
    }

    /** The endpoint provisioning was given or made: the database that fresh ones are created from. */
    public PgEndpoint admin() {
        return admin;
    }

    public Source source() {
        return source;
    }

    /** Why this source was chosen, for the one line provisioning prints. */
    public String reason() {
        return reason;
    }

    /** {@code server_version} as the server reports it. */
    public String serverVersion() {
        try (Connection c = admin.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw DatabaseException.of("[postgres] read server_version", e);
        }
    }

    /**
     * A fresh, empty database for one test class or benchmark, named after {@code label}. When the
     * login may not create databases (SQLState 42501), a fresh schema in the given database is
     * made instead and the endpoint's {@code currentSchema} points at it.
     */
    public synchronized PgEndpoint createDatabase(String label) {
        String name = freshName(label);
        // Identifiers cannot be bind parameters; the name is built from [a-z0-9_] only, never from input as given.
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            try {
                s.execute("CREATE DATABASE " + name);
                PgEndpoint endpoint = admin.withDatabase(name);
                created.add(endpoint);
                return endpoint;
            } catch (SQLException e) {
                if (!"42501".equals(e.getSQLState())) {
                    throw e;
                }
            }
            s.execute("CREATE SCHEMA " + name);
            PgEndpoint endpoint = admin.withParameter("currentSchema", name);
            created.add(endpoint);
            return endpoint;
        } catch (SQLException e) {
            throw DatabaseException.of("[postgres] create a fresh database for " + label, e);
        }
    }

    /**
     * Whether this login may create databases; without the right, fresh databases are schemas
     * (see {@link #createDatabase(String)}) and no template can be copied.
     */
    public boolean createsDatabases() {
        try (Connection c = admin.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw DatabaseException.of("[postgres] read whether " + admin.user() + " may create databases", e);
        }
    }

    /**
     * Makes sure database {@code name} exists as a finished template, building it with {@code build}
     * when it does not; returns whether it was built by this call. Several processes may ask at once
     * (forks side by side): an advisory lock on the name lets one build while the others wait, then
     * find it. A template is marked finished ({@code IS_TEMPLATE}, and closed to connections so
     * nothing holds it open when it is copied) only after {@code build} returned, so one left half
     * built by a process that died is dropped and built again. {@code build} must close every
     * connection it opens: a database with open connections cannot be copied.
     */
    public boolean ensureTemplate(String name, Consumer<PgEndpoint> build) {
        checkTemplateName(name);
        try (Connection c = admin.connect()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
                lock.setString(1, name);
                lock.execute();
            }
            try {
                Boolean finished = templateState(c, name);
                if (Boolean.TRUE.equals(finished)) {
                    return false;
                }
                try (Statement s = c.createStatement()) {
                    if (finished != null) {
                        dropDatabase(s, name);
                    }
                    s.execute("CREATE DATABASE " + name);
                    try {
                        build.accept(admin.withDatabase(name));
                        s.execute("ALTER DATABASE " + name + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
                    } catch (RuntimeException | SQLException e) {
                        dropDatabase(s, name);
                        throw e;
                    }
                }
                return true;
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, name);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of("[postgres] build the fixture template " + name, e);
        }
    }

    /** True: a finished template; false: a database of that name not (yet) marked finished; null: none. */
    private static Boolean templateState(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT datistemplate FROM pg_database WHERE datname = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    /** A fresh database for {@code label}, a copy of the finished template {@code template}; dropped like any fresh one. */
    public synchronized PgEndpoint createDatabaseFrom(String template, String label) {
        checkTemplateName(template);
        String name = freshName(label);
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
            PgEndpoint endpoint = admin.withDatabase(name);
            created.add(endpoint);
            return endpoint;
        } catch (SQLException e) {
            throw DatabaseException.of("[postgres] copy the fixture template " + template + " for " + label, e);
        }
    }

    /** Drops every template whose name starts with {@code prefix} at {@link #close()}, when this server is not ours to stop. */
    public synchronized void dropTemplatesAtClose(String prefix) {
        checkTemplateName(prefix);
        templatePrefixes.add(prefix);
    }

    /** Drops every database whose name starts with {@code prefix} (a run's fixture templates); returns how many. */
    public synchronized int dropTemplates(String prefix) {
        checkTemplateName(prefix);
        List<String> names = new ArrayList<>();
        try (Connection c = admin.connect()) {
            try (PreparedStatement q = c.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?)")) {
                q.setString(1, prefix);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String name : names) {
                    checkTemplateName(name);
                    // A template cannot be dropped: it is made an ordinary database first.
                    s.execute("ALTER DATABASE " + name + " WITH IS_TEMPLATE false");
                    dropDatabase(s, name);
                }
            }
            return names.size();
        } catch (SQLException e) {
            throw DatabaseException.of("[postgres] drop the fixture templates " + prefix + "*", e);
        }
    }

    private static void checkTemplateName(String name) {
        if (!TEMPLATE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("[postgres] a template name is 1 to 63 of [a-z0-9_], starting with a letter; was \"" + name + "\"");
        }
    }

    /** Drops a database or schema made by {@link #createDatabase(String)}. */
    public synchronized void drop(PgEndpoint endpoint) {
        if (!created.remove(endpoint)) {
            throw new IllegalArgumentException("[postgres] " + endpoint + " was not created by this server");
        }
        dropCreated(endpoint);
    }

    private void dropCreated(PgEndpoint endpoint) {
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            String schema = schemaOf(endpoint);
            if (schema != null) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } else {
                dropDatabase(s, endpoint.database());
            }
        } catch (SQLException e) {
            throw DatabaseException.of("[postgres] drop " + endpoint, e);
        }
    }

    /*
     * FORCE ends sessions still connected, but a login that is not superuser may only end its own
     * (42501): an autovacuum worker busy with a table a benchmark just filled belongs to the
     * superuser. Without FORCE, DROP DATABASE cancels autovacuum itself and waits a few seconds
     * for closing sessions to go, which is all a login without that right can ask for.
     */
    private static void dropDatabase(Statement s, String database) throws SQLException {
        try {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) {
                throw e;
            }
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        if (source == Source.EXPLICIT) {
            // A server we did not start is left as we found it.
            for (PgEndpoint endpoint : List.copyOf(created)) {
                try {
                    dropCreated(endpoint);
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        created.clear();
        if (source == Source.EXPLICIT) {
            for (String prefix : List.copyOf(templatePrefixes)) {
                try {
                    dropTemplates(prefix);
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        templatePrefixes.clear();
        if (stopper != null) {
            try {
                stopper.close();
            } catch (Exception e) {
                throw new ProvisioningException("[postgres] stopping the " + source.name().toLowerCase(Locale.ROOT) + " server failed: " + e.getMessage(), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return source.name().toLowerCase(Locale.ROOT) + " " + admin;
    }

    static String freshName(String label) {
        String base = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return "dbb_" + base + "_" + HexFormat.of().formatHex(suffix);
    }

    private static String schemaOf(PgEndpoint endpoint) {
        String url = endpoint.jdbcUrl();
        int at = url.indexOf("currentSchema=");
        if (at < 0) {
            return null;
        }
        String rest = url.substring(at + "currentSchema=".length());
        int end = rest.indexOf('&');
        return end < 0 ? rest : rest.substring(0, end);
    }
}
