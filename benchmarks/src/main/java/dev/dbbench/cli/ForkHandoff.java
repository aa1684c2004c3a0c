package dev.dbbench.cli;

import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.PgHandoff;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.Scale;
import dev.dbbench.core.provision.Setting;
import dev.dbbench.core.provision.SqliteDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's side of the {@link ForkContract}: what it makes for its forks and removes when the
 * run ends, on every exit path (normal end, failure, Ctrl-C). The owner-only file holding the
 * PostgreSQL password (forks get its path, never the password: a command line is readable by every
 * local user); one SQLite folder for the run, under {@code --sqlite-dir} or the system's temporary
 * directory, in which each fork makes its own, with a {@code fixtures} folder where the run's SQLite
 * fixtures are built once for every fork to copy; and the name under which forks build the run's
 * PostgreSQL fixture templates, dropped here at the end unless the server is the run's own (the
 * embedded one or a container, removed whole). A fork stopped half-way cannot remove its files;
 * removing the run's folder here removes them too.
 */
final class ForkHandoff implements AutoCloseable {
    private final ForkContract contract;
    private final PostgresServer server;
    private final Path passwordFile;
    private final SqliteDirectory sqlite;

    private ForkHandoff(ForkContract contract, PostgresServer server, Path passwordFile, SqliteDirectory sqlite) {
        this.contract = contract;
        this.server = server;
        this.passwordFile = passwordFile;
        this.sqlite = sqlite;
    }

    /**
     * Makes the password file (when the server has a password) and the run's SQLite and fixture
     * folders. {@code scale}: the size of the large tables the forks build (the settings' choice).
     */
    static ForkHandoff create(PostgresServer server, Optional<Setting> sqliteParent, boolean durable, Scale scale) {
        SqliteDirectory sqlite = SqliteDirectory.create(sqliteParent.map(s -> Path.of(s.value())).orElse(null),
                sqliteParent.map(Setting::name).orElse(SqliteDirectory.DIR_ENV));
        Path passwordFile = null;
        Path fixtures;
        try {
            fixtures = Files.createDirectory(sqlite.path().resolve("fixtures"));
        } catch (IOException e) {
            sqlite.close();
            throw new SetupException("[sqlite] cannot create the run's fixture folder in " + sqlite.path() + " (" + e.getMessage()
                    + "): check the free space and permissions of --sqlite-dir", e);
        }
        try {
            if (server != null && !server.admin().password().isEmpty()) {
                passwordFile = PgHandoff.writePasswordFile(Path.of(System.getProperty("java.io.tmpdir")), server.admin().password());
            }
        } catch (IOException e) {
            sqlite.close();
            throw new SetupException("[postgres] cannot write the password file for the forks in " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + "): check the temporary directory", e);
        }
        Optional<Path> password = Optional.ofNullable(passwordFile);
        Optional<PgHandoff> pg = Optional.ofNullable(server).map(s -> handoff(s.admin(), password));
        ForkContract contract = new ForkContract(pg, Optional.of(sqlite.path()), Optional.of(fixtures), Optional.of(ForkContract.newFixtureRun()),
                Optional.ofNullable(server).map(s -> durable), scale);
        return new ForkHandoff(contract, server, passwordFile, sqlite);
    }

    private static PgHandoff handoff(PgEndpoint admin, Optional<Path> passwordFile) {
        return new PgHandoff(admin.jdbcUrl(), admin.user(), passwordFile);
    }

    /** The PostgreSQL part of the properties: where the server is and how to log in, never the password itself. */
    static Map<String, String> properties(PgEndpoint admin, Optional<Path> passwordFile) {
        return admin == null ? Map.of() : handoff(admin, passwordFile).toProperties();
    }

    ForkContract contract() {
        return contract;
    }

    @Override
    public void close() {
        try {
            dropTemplates();
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        } catch (IOException e) {
            System.err.println("[postgres] could not remove the password file " + passwordFile + ": " + e.getMessage() + "; remove it by hand");
        } finally {
            sqlite.close();
        }
    }

    /** A server that outlives the run keeps nothing of it: the forks' fixture templates are dropped. */
    private void dropTemplates() {
        if (server == null || server.source() != PostgresServer.Source.EXPLICIT) {
            return;
        }
        String prefix = ForkContract.templatePrefix(contract.fixtureRun().orElseThrow());
        try {
            server.dropTemplates(prefix);
        } catch (RuntimeException e) {
            System.err.println("[postgres] could not drop the run's fixture templates " + prefix + "*: " + e.getMessage()
                    + "; drop them by hand (DROP DATABASE after ALTER DATABASE ... IS_TEMPLATE false)");
        }
    }
}
