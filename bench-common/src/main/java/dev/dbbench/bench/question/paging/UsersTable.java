package dev.dbbench.bench.question.paging;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.Fixture;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The fixture of the paging and streaming questions: a database of the benchmark's kind holding
 * the guide's users table, ids 1 to {@code rows} written in one transaction and analysed (on
 * PostgreSQL a VACUUM ANALYZE, which also sets the visibility map), and one open auto-commit
 * connection to read it. The table is built once per run for each size ({@link #fixture(long)}) and
 * every trial reads its own copy, with the statistics and visibility map copied along. Closing it
 * closes the connection and drops the copy.
 */
public final class UsersTable implements AutoCloseable {
    private final DatabaseTarget target;
    private final Connection connection;

    private UsersTable(DatabaseTarget target, Connection connection) {
        this.target = target;
        this.connection = connection;
    }

    /** The users table of {@code rows} rows, analysed: what every trial of that size starts from. */
    public static Fixture fixture(long rows) {
        return new Fixture("guide_users", 1, "rows=" + rows, db -> {
            db.useTransaction(c -> {
                GuideTables.create(c, db.dialect());
                GuideTables.insertUsers(c, db.dialect(), 1, rows);
            });
            db.useConnection(c -> GuideTables.analyze(c, db.dialect()));
        });
    }

    /** A copy of the {@code rows}-row table for {@code benchmark} (its {@code @OnDatabase} names the database). */
    public static UsersTable filled(Class<?> benchmark, long rows) {
        DatabaseTarget target = DatabaseTarget.fromFixture(benchmark, fixture(rows));
        try {
            return new UsersTable(target, target.database().open());
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    public Dialect dialect() {
        return target.dialect();
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            target.close();
        }
    }
}
