package dev.dbbench.cli;

import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.PgHandoff;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.Setting;
import dev.dbbench.core.provision.SqliteDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher makes for its forks and removes when the run ends, on every exit path (normal
 * end, failure, Ctrl-C): the owner-only file holding the PostgreSQL password (forks get its path,
 * never the password: a command line is readable by every local user), and one SQLite folder for
 * the run, under {@code --sqlite-dir} or the system's temporary directory, in which each fork makes
 * its own. A fork stopped half-way cannot remove its SQLite files; removing the run's folder here
 * removes them too.
 */
final class ForkHandoff implements AutoCloseable {
    private final Map<String, String> properties;
    private final Path passwordFile;
    private final SqliteDirectory sqlite;

    private ForkHandoff(Map<String, String> properties, Path passwordFile, SqliteDirectory sqlite) {
        this.properties = Map.copyOf(properties);
        this.passwordFile = passwordFile;
        this.sqlite = sqlite;
    }

    /** Makes the password file (when the server has a password) and the run's SQLite folder. */
    static ForkHandoff create(PostgresServer server, Optional<Setting> sqliteParent) {
        SqliteDirectory sqlite = SqliteDirectory.create(sqliteParent.map(s -> Path.of(s.value())).orElse(null),
                sqliteParent.map(Setting::name).orElse(SqliteDirectory.DIR_ENV));
        Path passwordFile = null;
        try {
            if (server != null && !server.admin().password().isEmpty()) {
                passwordFile = PgHandoff.writePasswordFile(Path.of(System.getProperty("java.io.tmpdir")), server.admin().password());
            }
        } catch (IOException e) {
            sqlite.close();
            throw new SetupException("[postgres] cannot write the password file for the forks in " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + "): check the temporary directory", e);
        }
        Map<String, String> props = properties(server == null ? null : server.admin(), Optional.ofNullable(passwordFile));
        props.put(SqliteDirectory.DIR_PROPERTY, sqlite.path().toString());
        return new ForkHandoff(props, passwordFile, sqlite);
    }

    /** The system properties every fork gets: where the server is and how to log in, never the password itself. */
    static Map<String, String> properties(PgEndpoint admin, Optional<Path> passwordFile) {
        Map<String, String> props = new LinkedHashMap<>();
        if (admin != null) {
            props.putAll(new PgHandoff(admin.jdbcUrl(), admin.user(), passwordFile).toProperties());
        }
        return props;
    }

    Map<String, String> properties() {
        return properties;
    }

    @Override
    public void close() {
        try {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        } catch (IOException e) {
            System.err.println("[postgres] could not remove the password file " + passwordFile + ": " + e.getMessage() + "; remove it by hand");
        } finally {
            sqlite.close();
        }
    }
}
