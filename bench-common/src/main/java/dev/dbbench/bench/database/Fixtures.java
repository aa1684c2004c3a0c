package dev.dbbench.bench.database;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.SqliteDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where fixtures are built once and copied from. PostgreSQL: a template database
 * {@code fx_<run>_<key>} on the run's server, copied with {@code CREATE DATABASE ... TEMPLATE};
 * SQLite: a file {@code <key>.db} in the run's fixture folder, copied per trial.
 *
 * <p>Under the launcher the run's name and its fixture folder come from the {@link ForkContract}, so
 * every fork of the run finds what an earlier (or a side-by-side) fork built, and the launcher
 * removes both at the end. On its own (a test, a bare JMH run) a process builds them for itself
 * under a name of its own and removes them when it exits.
 */
public final class Fixtures {
    private static Fixtures shared;

    private final String run;
    private final Path folder;
    private final Map<String, Path> sqliteFiles = new ConcurrentHashMap<>();
    private final Map<String, String> templates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> builds = new ConcurrentHashMap<>();
    /** Built by this process for itself, not handed by a launcher. */
    private boolean own;
    /** This process's own templates, not yet registered to be dropped when the server closes. */
    private boolean templatesToDrop;

    private Fixtures(String run, Path folder) {
        this.run = run;
        this.folder = folder;
    }

    /**
     * This process's fixtures: the launcher's run when it was handed one, else its own. Looked up
     * on each call: a launcher that runs benchmarks in its own JVM ({@code -f 0}) hands itself a new
     * run each time, and the previous run's folder is gone.
     */
    public static synchronized Fixtures shared() {
        ForkContract contract = ForkContract.fromSystemProperties();
        if (contract.fixtureRun().isPresent() && contract.fixtureFolder().isPresent()) {
            if (shared == null || !shared.run.equals(contract.fixtureRun().get())) {
                shared = new Fixtures(contract.fixtureRun().get(), contract.fixtureFolder().get());
            }
        } else if (shared == null || !shared.own) {
            SqliteDirectory own = SqliteDirectory.create();
            Runtime.getRuntime().addShutdownHook(new Thread(own::close, "dbbench-fixtures-remove"));
            shared = new Fixtures(ForkContract.newFixtureRun(), own.path());
            shared.own = true;
            shared.templatesToDrop = true;
        }
        return shared;
    }

    /** How many times this process built {@code fixture} (its key); 0 when it only copied one built elsewhere. */
    public int builds(Fixture fixture) {
        AtomicInteger n = builds.get(fixture.key());
        return n == null ? 0 : n.get();
    }

    /**
     * A fresh database on {@code server} holding {@code fixture}: a copy of its template, built first
     * when no process of the run has built it yet. A login that may not create databases gets a
     * fresh schema with the fixture built into it (no template can be copied then).
     */
    PgEndpoint postgres(PostgresServer server, Fixture fixture, String label) {
        String template = templates.get(fixture.key());
        if (template == null) {
            if (!server.createsDatabases()) {
                PgEndpoint endpoint = server.createDatabase(label);
                try {
                    buildInto(Databases.postgres(endpoint), fixture);
                } catch (RuntimeException e) {
                    server.drop(endpoint);
                    throw e;
                }
                return endpoint;
            }
            template = ForkContract.templatePrefix(run) + fixture.key();
            synchronized (this) {
                if (templatesToDrop) {
                    server.dropTemplatesAtClose(ForkContract.templatePrefix(run));
                    templatesToDrop = false;
                }
            }
            String name = template;
            server.ensureTemplate(name, endpoint -> buildInto(Databases.postgres(endpoint), fixture));
            templates.put(fixture.key(), name);
        }
        return server.createDatabaseFrom(template, label);
    }

    /** Copies {@code fixture}'s file to {@code target} (which must not exist), building the file first when no process of the run has. */
    void sqlite(Fixture fixture, Path target) {
        Path file = sqliteFiles.computeIfAbsent(fixture.key(), k -> sqliteFile(fixture));
        try {
            Files.copy(file, target);
        } catch (IOException e) {
            throw new UncheckedIOException("[sqlite] cannot copy the fixture " + file + " to " + target + " (" + e + "): check the free space of "
                    + target.getParent(), e);
        }
    }

    /**
     * The fixture's file, built when absent. A file lock keeps side-by-side forks from building it
     * twice; the file is built under a temporary name and renamed when finished, so a fork that dies
     * half way leaves no file that looks finished.
     */
    private Path sqliteFile(Fixture fixture) {
        Path file = folder.resolve(fixture.key() + ".db");
        try (FileChannel lockFile = FileChannel.open(folder.resolve(fixture.key() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (Files.exists(file)) {
                return file;
            }
            Path building = folder.resolve(fixture.key() + ".building-" + ForkContract.newFixtureRun() + ".db");
            try {
                Database db = Databases.sqlite(building);
                buildInto(db, fixture);
                Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(building);
                // Emptied by the checkpoint, and removed by SQLite when the last connection closed; never part of the fixture.
                Files.deleteIfExists(Path.of(building + "-wal"));
                Files.deleteIfExists(Path.of(building + "-shm"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("[sqlite] cannot build the fixture " + file + " (" + e + "): check that " + folder + " is writable", e);
        }
    }

    /**
     * Runs the fixture's build and closes the database. On SQLite the write-ahead log is folded into
     * the file first, so the file alone is the whole fixture when it is copied.
     */
    private void buildInto(Database db, Fixture fixture) {
        try (db) {
            fixture.build().into(db);
            if (db.dialect() == dev.dbbench.core.Dialect.SQLITE) {
                db.useConnection(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
                });
            }
        } catch (SQLException e) {
            throw DatabaseException.of("[" + db.dialect().name().toLowerCase(java.util.Locale.ROOT) + "] build the fixture " + fixture.key(), e);
        }
        builds.computeIfAbsent(fixture.key(), k -> new AtomicInteger()).incrementAndGet();
    }
}
