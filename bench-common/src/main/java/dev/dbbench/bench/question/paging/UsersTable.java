package dev.dbbench.bench.question.paging;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The fixture of the paging and streaming questions: a fresh database of the benchmark's kind
 * holding the guide's users table, filled with ids 1 to {@code rows} in one transaction, and one
 * open auto-commit connection to read it. Closing it closes the connection and drops the database.
 */
public final class UsersTable implements AutoCloseable {
    private final DatabaseTarget target;
    private final Connection connection;

    private UsersTable(DatabaseTarget target, Connection connection) {
        this.target = target;
        this.connection = connection;
    }

    /** Creates and fills the table for {@code benchmark} (its {@code @OnDatabase} names the database). */
    public static UsersTable filled(Class<?> benchmark, long rows) {
        DatabaseTarget target = DatabaseTarget.of(benchmark);
        try {
            Dialect dialect = target.dialect();
            target.database().useTransaction(c -> {
                GuideTables.create(c, dialect);
                GuideTables.insertUsers(c, dialect, 1, rows);
            });
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

    /** Fresh statistics for the planner (on PostgreSQL a VACUUM ANALYZE, which also sets the visibility map). */
    public void analyze() throws SQLException {
        GuideTables.analyze(connection, dialect());
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
