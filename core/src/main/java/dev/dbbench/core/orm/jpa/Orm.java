package dev.dbbench.core.orm.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.FirstLine;
import dev.dbbench.core.provision.PgEndpoint;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.SharedSessionContract;
import org.hibernate.Transaction;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Hibernate ORM bootstrapped without a container, the guide's {@code engine} plus {@code Session}
 * factory: {@link #start(OrmSettings)} builds the session factory for the entities of this package
 * on the database the URL names, and {@link #inSession(Function)} is the guide's
 * {@code get_session()}: a unit of work that commits when the work returns, rolls back when it
 * throws anything, and always closes the session.
 *
 * <p>The schema is not generated: it is {@link OrmSchema}'s, shared with the JDBC repository.
 * Hibernate logs through jboss-logging, routed here to slf4j, which this project binds to its quiet
 * provider, so nothing reaches a benchmark's output.
 */
public final class Orm implements AutoCloseable {
    static {
        // Read by jboss-logging when Hibernate first logs; without it, jboss-logging falls back to
        // java.util.logging, which prints Hibernate's start-up INFO lines to the console.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final OrmSettings settings;
    private final SessionFactory sessions;
    private final AutoCloseable pool;
    private final String label;

    private Orm(OrmSettings settings, SessionFactory sessions, AutoCloseable pool) {
        this.settings = settings;
        this.sessions = sessions;
        this.pool = pool;
        this.label = "[orm " + settings.dialect().name().toLowerCase(Locale.ROOT) + "]";
    }

    /**
     * Hibernate over a pool of {@code settings.poolSize()} connections to the database of
     * {@code settings.jdbcUrl()}, with the session settings the JDBC side uses ({@link Databases}):
     * on SQLite WAL and foreign keys on. {@link #close()} closes the pool.
     */
    public static Orm start(OrmSettings settings) {
        Database db = settings.dialect() == Dialect.SQLITE
                ? Databases.sqlite(Path.of(settings.jdbcUrl().substring(OrmSettings.SQLITE_PREFIX.length())))
                : Databases.postgres(new PgEndpoint(settings.jdbcUrl(), settings.user(), settings.password()));
        HikariConfig config = new HikariConfig();
        config.setDataSource(db.dataSource());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setPoolName("orm");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("[orm] cannot connect to " + db.description() + ": " + firstLine(e), sqlState(e), e);
        }
        try {
            return new Orm(settings, build(settings, pool), pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Hibernate over the caller's connections (a pool, or a {@code CountingDataSource} that counts the
     * statements); the URL still chooses the dialect. {@link #close()} leaves {@code dataSource} open.
     */
    public static Orm start(OrmSettings settings, DataSource dataSource) {
        return new Orm(settings, build(settings, dataSource), null);
    }

    private static SessionFactory build(OrmSettings settings, DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("dbbench")
                .managedClasses(UserEntity.class, OrderEntity.class, SequencedUser.class, SequencedOrder.class)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.dialect", settings.dialect() == Dialect.SQLITE
                        ? "org.hibernate.community.dialect.SQLiteDialect" : "org.hibernate.dialect.PostgreSQLDialect")
                .property("hibernate.jdbc.batch_size", settings.jdbcBatchSize())
                // Users before orders, each kind together: without it a flush alternates the two and every batch holds one row.
                .property("hibernate.order_inserts", true)
                .property("hibernate.order_updates", true)
                .property("jakarta.persistence.schema-generation.database.action", "none")
                // The dialect is given; reading the database's metadata at start-up would only cost a connection.
                .property("hibernate.boot.allow_jdbc_metadata_access", false)
                .property("hibernate.generate_statistics", false)
                .property("hibernate.show_sql", false);
        if (settings.dialect() == Dialect.SQLITE) {
            config.managedClasses(List.of(SqliteColumns.Cents.class, SqliteColumns.Micros.class));
        }
        try {
            return config.createEntityManagerFactory();
        } catch (RuntimeException e) {
            throw new DatabaseException("[orm] cannot start Hibernate for " + settings + ": " + firstLine(e), sqlState(e), e);
        }
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    public OrmSettings settings() {
        return settings;
    }

    /** Hibernate's own factory, for what the scopes here do not cover. */
    public SessionFactory sessionFactory() {
        return sessions;
    }

    /**
     * The guide's {@code get_session()}: runs {@code work} in a new session and transaction, commits
     * (flushing every change) when it returns, rolls back when it throws anything, always closes the
     * session. A database failure comes out as one {@link DatabaseException} naming the cause with
     * its SQLState (a duplicate email: {@code 23505}); nothing of the unit of work stays written.
     * Entities returned are detached: their lazy collections can no longer load.
     */
    public <T> T inSession(Function<Session, T> work) {
        return inTransaction(sessions::openSession, work);
    }

    /** {@link #inSession(Function)} for work that returns nothing. */
    public void useSession(Consumer<Session> work) {
        inSession(s -> {
            work.accept(s);
            return null;
        });
    }

    /**
     * {@link #inSession(Function)} with a stateless session: no persistence context, no dirty
     * checking, no cascades, no lazy loading; each call is a statement (batched by
     * {@code jdbcBatchSize} where the ids allow). Hibernate's tool for bulk work.
     */
    public <T> T inStatelessSession(Function<StatelessSession, T> work) {
        return inTransaction(sessions::openStatelessSession, work);
    }

    /** One unit of work in a session of either kind: commit on return, roll back on anything thrown, always close. */
    private <S extends SharedSessionContract, T> T inTransaction(Supplier<S> open, Function<S, T> work) {
        try (S session = open.get()) {
            Transaction tx = session.beginTransaction();
            try {
                T result = work.apply(session);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                rollback(tx, e);
                throw translate(e);
            } catch (Error e) {
                rollback(tx, e);
                throw e;
            }
        }
    }

    private static void rollback(Transaction tx, Throwable failure) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** A database failure as one line with its SQLState; anything else (the caller's own exceptions) unchanged. */
    private RuntimeException translate(RuntimeException e) {
        SQLException sql = sqlException(e);
        if (sql == null) {
            return e;
        }
        if (isUniqueViolation(sql)) {
            return new DatabaseException(label + " unit of work rolled back: a unique constraint was violated (e.g. an email"
                    + " already registered; " + DatabaseException.describe(sql) + ")",
                    sql.getSQLState() == null ? UNIQUE_VIOLATION : sql.getSQLState(), e);
        }
        return new DatabaseException(label + " unit of work rolled back (" + DatabaseException.describe(sql) + ")", sql.getSQLState(), e);
    }

    private static SQLException sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCException j && j.getSQLException() != null) {
                return j.getSQLException();
            }
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    private static String sqlState(Throwable e) {
        SQLException sql = sqlException(e);
        return sql == null ? null : sql.getSQLState();
    }

    private static String firstLine(Throwable e) {
        SQLException sql = sqlException(e);
        if (sql != null) {
            return DatabaseException.describe(sql);
        }
        return FirstLine.of(e);
    }

    /** Closes the session factory, then the pool {@link #start(OrmSettings)} opened. */
    @Override
    public void close() {
        try {
            sessions.close();
        } finally {
            if (pool != null) {
                try {
                    pool.close();
                } catch (Exception e) {
                    throw new DatabaseException(label + " closing the pool failed: " + e.getMessage(), null, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return label + " " + settings;
    }
}
