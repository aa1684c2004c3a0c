package dev.dbbench.core.orm.jpa;

import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.PgEndpoint;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@link Orm} needs, the guide's {@code create_engine(url)}: the JDBC URL alone chooses
 * the database ({@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db}).
 *
 * @param jdbcUrl       where the database is
 * @param user          login (PostgreSQL; empty for SQLite)
 * @param password      password (PostgreSQL; empty for SQLite). Never shown by {@link #toString()}
 * @param jdbcBatchSize Hibernate's {@code hibernate.jdbc.batch_size}: inserts and updates of one flush
 *                      go to the database this many at a time; 0 or 1 sends each on its own. Entities
 *                      with IDENTITY ids are never batched, whatever this says
 * @param poolSize      connections in the pool {@link Orm#start(OrmSettings)} opens, at least 1
 */
public record OrmSettings(String jdbcUrl, String user, String password, int jdbcBatchSize, int poolSize) {
    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql://";
    /** Hibernate's advice is 10 to 50; 50 matches the sequences' allocation. */
    public static final int DEFAULT_BATCH_SIZE = 50;

    public OrmSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (!jdbcUrl.startsWith(SQLITE_PREFIX) && !jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalArgumentException("[orm] jdbcUrl is neither a SQLite nor a PostgreSQL JDBC URL: \"" + jdbcUrl
                    + "\". Expected " + SQLITE_PREFIX + "<file> or " + POSTGRES_PREFIX + "host:port/database");
        }
        if (jdbcUrl.startsWith(SQLITE_PREFIX) && jdbcUrl.length() == SQLITE_PREFIX.length()) {
            throw new IllegalArgumentException("[orm] jdbcUrl names no SQLite file: \"" + jdbcUrl + "\". Expected " + SQLITE_PREFIX + "<file>");
        }
        if (jdbcBatchSize < 0) {
            throw new IllegalArgumentException("[orm] jdbcBatchSize must be >= 0 (0 turns batching off), was " + jdbcBatchSize);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("[orm] poolSize must be >= 1, was " + poolSize);
        }
    }

    /** The URL with the defaults: batches of {@value #DEFAULT_BATCH_SIZE}, a pool of 2. */
    public static OrmSettings of(String jdbcUrl, String user, String password) {
        return new OrmSettings(jdbcUrl, user, password, DEFAULT_BATCH_SIZE, 2);
    }

    /** A SQLite file with the defaults. */
    public static OrmSettings sqlite(Path file) {
        return of(SQLITE_PREFIX + file.toAbsolutePath(), "", "");
    }

    /** A PostgreSQL database with the defaults. */
    public static OrmSettings postgres(PgEndpoint endpoint) {
        return of(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }

    public OrmSettings withJdbcBatchSize(int size) {
        return new OrmSettings(jdbcUrl, user, password, size, poolSize);
    }

    /** Which database the URL names. */
    public Dialect dialect() {
        return jdbcUrl.startsWith(SQLITE_PREFIX) ? Dialect.SQLITE : Dialect.POSTGRES;
    }

    @Override
    public String toString() {
        return "OrmSettings[" + jdbcUrl + (user.isEmpty() ? "" : " as " + user) + ", jdbcBatchSize=" + jdbcBatchSize + ", poolSize=" + poolSize + "]";
    }
}
