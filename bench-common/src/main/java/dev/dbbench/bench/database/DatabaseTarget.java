package dev.dbbench.bench.database;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import dev.dbbench.core.provision.SqliteDirectory;
import java.nio.file.Path;

/**
 * A fresh, empty database for one benchmark trial (or one test), removed on {@link #close()}: a
 * database of its own on the run's PostgreSQL server, or a SQLite file in a temporary directory of
 * its own. The one place in the bench modules where a database is made and dropped, so a change to
 * how (a template to copy, a fixture kept between trials) is made once.
 */
public final class DatabaseTarget implements AutoCloseable {
    private final Dialect dialect;
    private final Database database;
    private final PgEndpoint endpoint;
    private final SqliteDirectory directory;
    private final Path file;

    private DatabaseTarget(Dialect dialect, Database database, PgEndpoint endpoint, SqliteDirectory directory, Path file) {
        this.dialect = dialect;
        this.database = database;
        this.endpoint = endpoint;
        this.directory = directory;
        this.file = file;
    }

    /** A fresh database of the kind {@code benchmark}'s {@link OnDatabase} names, labelled with its simple name. */
    public static DatabaseTarget of(Class<?> benchmark) {
        // dialectOf first: it refuses a class without the annotation, so declaring(..) is not null after it.
        return fresh(dialectOf(benchmark), declaring(benchmark).getSimpleName());
    }

    /** A fresh database of {@code dialect}; {@code label} names it (PostgreSQL) or its file (SQLite), for a person looking. */
    public static DatabaseTarget fresh(Dialect dialect, String label) {
        return switch (dialect) {
            case POSTGRES -> postgres(label);
            case SQLITE -> sqlite(label);
        };
    }

    /** A fresh database on the run's PostgreSQL server (started on first use when the launcher did not). */
    public static DatabaseTarget postgres(String label) {
        PgEndpoint endpoint = SharedPostgres.get().createDatabase(label);
        return new DatabaseTarget(Dialect.POSTGRES, Databases.postgres(endpoint), endpoint, null, null);
    }

    /** A SQLite file with the guide's settings (WAL, foreign keys) in a fresh temporary directory. */
    public static DatabaseTarget sqlite(String label) {
        SqliteDirectory directory = SqliteDirectory.create();
        Path file = directory.file(label + ".db");
        return new DatabaseTarget(Dialect.SQLITE, Databases.sqlite(file), null, directory, file);
    }

    /** The database {@code benchmark} declares with {@link OnDatabase}. */
    public static Dialect dialectOf(Class<?> benchmark) {
        Class<?> declaring = declaring(benchmark);
        if (declaring == null) {
            throw new IllegalStateException(benchmark.getName() + " has no @" + OnDatabase.class.getSimpleName()
                    + ": annotate it with the database it runs on");
        }
        return declaring.getAnnotation(OnDatabase.class).value();
    }

    /**
     * As {@link #needsPostgres(Class)}, for a class named in a result file: loaded without being
     * initialised, so finding out starts nothing; one this jar does not hold needs no server.
     */
    public static boolean needsPostgres(String benchmarkClass) {
        try {
            return needsPostgres(Class.forName(benchmarkClass, false, DatabaseTarget.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether {@code benchmark} needs the run's PostgreSQL server: it says so with {@link OnDatabase}. */
    public static boolean needsPostgres(Class<?> benchmark) {
        Class<?> declaring = declaring(benchmark);
        return declaring != null && declaring.getAnnotation(OnDatabase.class).value() == Dialect.POSTGRES;
    }

    /**
     * The class that carries {@link OnDatabase}: {@code benchmark} itself or the nearest superclass
     * with it. Inside a fork JMH runs a generated subclass of the benchmark ({@code ..._jmhType}),
     * so {@code getClass()} in a setup is that subclass; its name is not the benchmark's either.
     * (An abstract question body never carries it: each database's subclass does.)
     */
    private static Class<?> declaring(Class<?> benchmark) {
        for (Class<?> c = benchmark; c != null; c = c.getSuperclass()) {
            if (c.getDeclaredAnnotation(OnDatabase.class) != null) {
                return c;
            }
        }
        return null;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The database with the suite's default settings; closed with this target. */
    public Database database() {
        return database;
    }

    /** Where the PostgreSQL database is, for a benchmark that connects its own way (COPY, a pool, the async driver). */
    public PgEndpoint endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("[sqlite] " + file + " has no PostgreSQL endpoint");
        }
        return endpoint;
    }

    /** The SQLite file, for a benchmark that opens it with other settings (journal mode, busy timeout). */
    public Path file() {
        if (file == null) {
            throw new IllegalStateException("[postgres] " + endpoint + " has no SQLite file");
        }
        return file;
    }

    /** Closes the database and drops it (PostgreSQL) or removes its directory (SQLite). */
    @Override
    public void close() {
        try {
            database.close();
        } finally {
            if (endpoint != null) {
                SharedPostgres.get().drop(endpoint);
            } else {
                directory.close();
            }
        }
    }
}
