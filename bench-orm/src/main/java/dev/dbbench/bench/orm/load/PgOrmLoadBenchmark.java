package dev.dbbench.bench.orm.load;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.bench.orm.OrmDatabase;
import java.sql.SQLException;

/**
 * How should I load 1,000 users with their 5 orders each from PostgreSQL through Hibernate, and what
 * does the ORM cost against plain JDBC? (See {@link OrmUserOrdersLoad} for what is measured.)
 *
 * <p>Expected: lazy loading (and JDBC's N+1) slowest by an order of magnitude: each of its 1,001
 * statements is a round trip to the server. JOIN FETCH, the entity graph, subselect and batch
 * fetching within a small factor of each other; Hibernate above its JDBC counterpart by the cost of
 * entities and the persistence context for 6,000 rows.
 */
@OnDatabase(Dialect.POSTGRES)
public class PgOrmLoadBenchmark extends OrmUserOrdersLoad {
    @Override
    protected OrmDatabase database() throws SQLException {
        return OrmDatabase.postgres("PgOrmLoadBenchmark");
    }
}
