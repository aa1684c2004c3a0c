package dev.dbbench.bench.orm;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.Fixture;
import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.orm.CountingDataSource;
import dev.dbbench.core.orm.jpa.Orm;
import dev.dbbench.core.orm.jpa.OrmSchema;
import dev.dbbench.core.orm.jpa.OrmSettings;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import dev.dbbench.core.provision.SqliteDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One benchmark's database, fresh and empty, with the ORM schema, and the two ways to reach it on
 * equal terms: Hibernate ({@link #orm()}) and one held JDBC connection ({@link #jdbc()}), both
 * through the same small pool and the same {@link CountingDataSource}, so the statements of either
 * are counted the same way. {@link #close()} drops everything.
 */
public final class OrmDatabase implements AutoCloseable {
    private final Database db;
    private final AutoCloseable drop;
    private final HikariDataSource pool;
    private final CountingDataSource counting;
    private final Orm orm;
    private final Connection jdbc;

    private OrmDatabase(Database db, OrmSettings settings, AutoCloseable drop) throws SQLException {
        this(db, settings, drop, true);
    }

    private OrmDatabase(Database db, OrmSettings settings, AutoCloseable drop, boolean createSchema) throws SQLException {
        this.db = db;
        this.drop = drop;
        if (createSchema) {
            db.useConnection(c -> OrmSchema.create(c, db.dialect()));
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(db.dataSource());
        config.setMaximumPoolSize(2);
        config.setPoolName("bench-orm");
        pool = new HikariDataSource(config);
        counting = new CountingDataSource(pool);
        orm = Orm.start(settings, counting);
        jdbc = counting.getConnection();
    }

    /** A fresh SQLite file with the guide's settings (WAL, foreign keys), removed at {@link #close()}. */
    public static OrmDatabase sqlite(String label) throws SQLException {
        SqliteDirectory dir = SqliteDirectory.create();
        Database db = Databases.sqlite(dir.file(label + ".db"));
        return new OrmDatabase(db, OrmSettings.sqlite(dir.file(label + ".db")), () -> {
            db.close();
            dir.close();
        });
    }

    /** A fresh database on the suite's provisioned PostgreSQL server, dropped at {@link #close()}. */
    public static OrmDatabase postgres(String label) throws SQLException {
        PgEndpoint endpoint = SharedPostgres.get().createDatabase(label);
        return new OrmDatabase(Databases.postgres(endpoint), OrmSettings.postgres(endpoint), () -> SharedPostgres.get().drop(endpoint));
    }

    /**
     * A copy of {@code fixture} (built once per run, see {@link DatabaseTarget#fromFixture}) in a
     * database of the kind {@code benchmark}'s {@code @OnDatabase} names; the fixture holds the ORM
     * schema ({@link #fixture}). Dropped at {@link #close()}.
     */
    public static OrmDatabase fromFixture(Class<?> benchmark, Fixture fixture) throws SQLException {
        DatabaseTarget target = DatabaseTarget.fromFixture(benchmark, fixture);
        try {
            OrmSettings settings = target.dialect() == Dialect.POSTGRES ? OrmSettings.postgres(target.endpoint()) : OrmSettings.sqlite(target.file());
            return new OrmDatabase(target.database(), settings, target::close, false);
        } catch (SQLException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /** Fills a fresh ORM schema for a fixture. */
    @FunctionalInterface
    public interface Fill {
        void into(Connection c, Dialect dialect) throws SQLException;
    }

    /** A fixture of the ORM schema, filled by {@code fill} on one connection, which it closes. */
    public static Fixture fixture(String generator, int version, String contents, Fill fill) {
        return new Fixture(generator, version, contents, d -> d.useConnection(c -> {
            OrmSchema.create(c, d.dialect());
            fill.into(c, d.dialect());
        }));
    }

    public Dialect dialect() {
        return db.dialect();
    }

    public Database database() {
        return db;
    }

    public Orm orm() {
        return orm;
    }

    /** The held connection for the JDBC variants, in auto-commit mode. */
    public Connection jdbc() {
        return jdbc;
    }

    /** Statements executed through either side since the last call. */
    public long takeStatements() {
        return counting.reset();
    }

    /** Fresh planner statistics on PostgreSQL, so the plans are those for the rows just written. */
    public void analyze() throws SQLException {
        if (db.dialect() == Dialect.POSTGRES) {
            try (Statement s = jdbc.createStatement()) {
                s.execute("ANALYZE users");
                s.execute("ANALYZE orders");
            }
        }
    }

    /**
     * Deletes every user and order, so a benchmark that inserts starts each iteration from empty
     * tables (TRUNCATE on PostgreSQL: a DELETE would leave 100,000s of dead rows to the next iteration).
     */
    public void empty() throws SQLException {
        try (Statement s = jdbc.createStatement()) {
            if (db.dialect() == Dialect.POSTGRES) {
                s.execute("TRUNCATE orders, users");
            } else {
                s.execute("DELETE FROM orders");
                s.execute("DELETE FROM users");
            }
        }
        counting.reset();
    }

    @Override
    public void close() throws Exception {
        try (AutoCloseable dropLast = drop; HikariDataSource p = pool; Orm o = orm; Connection c = jdbc) {
            // Closed in reverse: the connection, Hibernate, the pool, then the database is dropped.
        }
    }
}
