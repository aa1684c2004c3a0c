package dev.dbbench.bench.orm.load;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.bench.orm.OrmDatabase;
import java.sql.SQLException;

/**
 * How should I load 1,000 users with their 5 orders each from SQLite through Hibernate, and what
 * does the ORM cost against plain JDBC? (See {@link OrmUserOrdersLoad} for what is measured.)
 *
 * <p>Expected: SQLite runs in-process, so a statement costs microseconds, not a round trip: lazy
 * loading's 1,001 statements cost a few times the single join, not orders of magnitude. Hibernate
 * above its JDBC counterpart by a small factor (entities, the persistence context, the session),
 * most visible where the statements are few.
 */
@OnDatabase(Dialect.SQLITE)
public class SqliteOrmLoadBenchmark extends OrmUserOrdersLoad {
    @Override
    protected OrmDatabase database() throws SQLException {
        return OrmDatabase.sqlite("SqliteOrmLoadBenchmark");
    }
}
