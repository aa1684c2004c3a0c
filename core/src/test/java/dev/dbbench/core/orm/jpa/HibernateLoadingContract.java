package dev.dbbench.core.orm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.Database;
import dev.dbbench.core.orm.CountingDataSource;
import dev.dbbench.core.orm.SampleData;
import dev.dbbench.core.orm.UserOrdersLoader;
import dev.dbbench.core.orm.UserWithOrders;
import java.sql.Connection;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every way of loading 1,000 users with 5 orders each, Hibernate's and plain JDBC's, builds the same
 * graph and issues exactly the statements it is named for, counted on the real connections by
 * {@link CountingDataSource}: lazy 1 + N, JOIN FETCH 1, entity graph 1, subselect 2, batch
 * 1 + ceil(N / size); JDBC N+1, JOIN 1, IN-batch 2. The benchmarks time these same calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HibernateLoadingContract {
    static final int USERS = 1_000;
    static final int ORDERS_PER_USER = 5;

    Database db;
    CountingDataSource counting;
    Orm orm;
    List<UserWithOrders> expected;

    abstract Database database();

    abstract OrmSettings settings();

    void release() {}

    @BeforeAll
    void fill() throws Exception {
        db = database();
        db.useTransaction(c -> {
            OrmSchema.create(c, db.dialect());
            SampleData.insert(c, db.dialect(), USERS, ORDERS_PER_USER);
        });
        counting = new CountingDataSource(db.dataSource());
        orm = Orm.start(settings(), counting);
        try (Connection c = db.open()) {
            expected = new UserOrdersLoader(db.dialect()).join(c);
        }
        assertEquals(USERS, expected.size());
        assertEquals(USERS * ORDERS_PER_USER, expected.stream().mapToInt(u -> u.orders().size()).sum());
    }

    @AfterAll
    void drop() {
        orm.close();
        db.useConnection(c -> OrmSchema.drop(c, db.dialect()));
        release();
    }

    @Test
    void lazyLoadingTakesOnePlusNStatements() {
        assertLoads(OrmLoaders::lazy, USERS + 1);
    }

    @Test
    void joinFetchTakesOneStatement() {
        assertLoads(OrmLoaders::joinFetch, 1);
    }

    @Test
    void entityGraphTakesOneStatement() {
        assertLoads(OrmLoaders::entityGraph, 1);
    }

    @Test
    void subselectFetchingTakesTwoStatementsWhateverTheUserCount() {
        assertLoads(OrmLoaders::subselect, 2);
    }

    @Test
    void batchFetchingTakesOnePlusOnePerBatch() {
        assertLoads(s -> OrmLoaders.batch(s, USERS), 2);
        assertLoads(s -> OrmLoaders.batch(s, 100), OrmLoaders.batchStatements(USERS, 100));
        assertEquals(11, OrmLoaders.batchStatements(USERS, 100));
    }

    @Test
    void theJdbcLoadersBuildTheSameGraphInTheirStatementCounts() throws Exception {
        UserOrdersLoader loader = new UserOrdersLoader(db.dialect());
        try (Connection c = counting.getConnection()) {
            counting.reset();
            assertEquals(expected, loader.nPlusOne(c));
            assertEquals(USERS + 1, counting.reset());
            assertEquals(expected, loader.join(c));
            assertEquals(1, counting.reset());
            assertEquals(expected, loader.inBatch(c));
            assertEquals(2, counting.reset());
        }
    }

    private void assertLoads(Function<Session, List<UserWithOrders>> loader, long statements) {
        long[] counted = new long[1];
        List<UserWithOrders> graph = orm.inSession(s -> {
            counting.reset();
            List<UserWithOrders> loaded = loader.apply(s);
            counted[0] = counting.reset();
            return loaded;
        });
        assertEquals(expected, graph);
        assertEquals(statements, counted[0]);
    }
}
