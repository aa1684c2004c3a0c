package dev.dbbench.bench.orm.insert;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.bench.orm.OrmDatabase;
import java.sql.SQLException;

/**
 * How should I insert 1,000 or 5,000 users with their orders into SQLite through Hibernate, and
 * what does it cost against a JDBC batch? (See {@link OrmInsert}.)
 *
 * <p>Only the IDENTITY mapping: SQLite has no sequences, and Hibernate's emulation (a table it
 * advances on a second connection) waits for SQLite's single write lock, which the unit of work
 * already holds, until the busy timeout (core's SqliteHibernateTest shows it), so batched inserts
 * with generated ids are not available here.
 *
 * <p>Expected: Hibernate's insert runs two statements per row (the INSERT, then
 * {@code select last_insert_rowid()}), all in-process: several times the JDBC batch, whose cost is
 * mostly SQLite's own work per row.
 */
@OnDatabase(Dialect.SQLITE)
public class SqliteOrmInsertBenchmark extends OrmInsert {
    @Override
    protected OrmDatabase database() throws SQLException {
        return OrmDatabase.sqlite("SqliteOrmInsertBenchmark");
    }
}
