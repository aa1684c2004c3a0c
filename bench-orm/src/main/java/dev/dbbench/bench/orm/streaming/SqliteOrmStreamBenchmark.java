package dev.dbbench.bench.orm.streaming;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;

/**
 * How should I read 100,000 rows from SQLite through Hibernate: all at once, scrolling, or a
 * stateless stream; and what does each cost per row against a JDBC cursor? (See {@link OrmStreamRead}.)
 *
 * <p>Expected: SQLite hands rows over in-process, so the cost per row is Hibernate's own: the JDBC
 * cursor fastest and leanest per row; the stateless stream next (an entity per row, nothing kept);
 * the scroll a little above it (each entity enters the persistence context until the next clear);
 * {@code resultList} slowest, with 100,000 entities and their entries kept alive, so the
 * collector copies a growing live set (seconds of {@code gc.time}).
 */
@OnDatabase(Dialect.SQLITE)
public class SqliteOrmStreamBenchmark extends OrmStreamRead {
    // The database is the one @OnDatabase names; the table, a fixture of OrmStreamRead.
}
