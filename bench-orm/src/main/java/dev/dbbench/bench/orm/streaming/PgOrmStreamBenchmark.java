package dev.dbbench.bench.orm.streaming;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;

/**
 * How should I read 100,000 rows from PostgreSQL through Hibernate: all at once, scrolling, or a
 * stateless stream; and what does each cost per row against a JDBC cursor? (See {@link OrmStreamRead}.)
 *
 * <p>Expected: the three streaming ways fetch 1,000 rows per round trip, so they differ by
 * Hibernate's cost per row: JDBC leanest, the stateless stream next, the scroll a little above it.
 * {@code resultList} receives the whole result before the first entity (pgjdbc's default without a
 * fetch size) and keeps 100,000 entities in the persistence context: the slowest per row and by
 * far the most memory held.
 */
@OnDatabase(Dialect.POSTGRES)
public class PgOrmStreamBenchmark extends OrmStreamRead {
    // The database is the one @OnDatabase names; the table, a fixture of OrmStreamRead.
}
