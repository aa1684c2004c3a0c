package dev.dbbench.core.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbbench.core.Database;
import dev.dbbench.core.SqlFunction;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three ways of loading users with their orders build equal graphs and issue exactly the
 * statements they are named for, counted by {@link CountingDataSource} on a real connection.
 */
abstract class LoadingContract {
    static final int USERS = 1_000;
    static final int ORDERS_PER_USER = 5;

    Database db;

    /** The database for one test: each test creates its tables in it and drops them. */
    abstract Database database();

    @BeforeEach
    void createSchema() {
        db = database();
        db.useTransaction(c -> {
            UserOrderSchema.create(c, db.dialect());
            SampleData.insert(c, db.dialect(), USERS, ORDERS_PER_USER);
        });
    }

    @AfterEach
    void dropSchema() {
        db.useConnection(UserOrderSchema::drop);
        release();
    }

    /** Frees what {@link #database()} made, after the tables are dropped. */
    void release() {}

    @Test
    void thousandUsersTakeN1AndOneAndTwoStatementsForEqualGraphs() throws Exception {
        UserOrdersLoader loader = new UserOrdersLoader(db.dialect());
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        try (Connection c = counting.getConnection()) {
            List<UserWithOrders> lazy = loader.nPlusOne(c);
            assertEquals(USERS + 1, counting.reset());
            List<UserWithOrders> joined = loader.join(c);
            assertEquals(1, counting.reset());
            List<UserWithOrders> batched = loader.inBatch(c);
            assertEquals(2, counting.reset());

            assertEquals(USERS, lazy.size());
            assertEquals(USERS * ORDERS_PER_USER, lazy.stream().mapToInt(u -> u.orders().size()).sum());
            assertEquals(SampleData.email(1), lazy.get(0).user().email());
            assertEquals(SampleData.total(1, 0), lazy.get(0).orders().get(0).total());
            assertEquals(lazy, joined);
            assertEquals(lazy, batched);
        }
    }

    @Test
    void tinyChunksSplitTheInListAndLoadTheSameGraph() throws Exception {
        UserOrdersLoader loader = new UserOrdersLoader(db.dialect(), 7);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        try (Connection c = counting.getConnection()) {
            List<UserWithOrders> chunked = loader.inBatch(c);
            assertEquals(1 + 143, counting.reset(), "1 users query + ceil(1000 / 7) orders queries");
            assertEquals(loader.inBatchStatements(USERS), 1 + 143);
            assertEquals(new UserOrdersLoader(db.dialect()).join(c), chunked);
        }
    }

    @Test
    void usersWithoutOrdersAreKeptWithAnEmptyList() throws Exception {
        UserRepository users = new UserRepository(db.dialect());
        User loner = db.inTransaction((SqlFunction<User>) c -> users.create(c, "loner@example.com", "Loner"));
        UserOrdersLoader loader = new UserOrdersLoader(db.dialect(), 10);
        try (Connection c = db.open()) {
            List<UserWithOrders> lazy = loader.nPlusOne(c);
            assertEquals(new UserWithOrders(loner, List.of()), lazy.get(USERS));
            assertEquals(lazy, loader.join(c));
            assertEquals(lazy, loader.inBatch(c));
        }
    }

    @Test
    void noUsersMeansOneStatementAndAnEmptyGraph() throws Exception {
        db.useConnection(UserOrderSchema::drop);
        db.useConnection(c -> UserOrderSchema.create(c, db.dialect()));
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        try (Connection c = counting.getConnection()) {
            assertEquals(List.of(), new UserOrdersLoader(db.dialect()).inBatch(c));
            assertEquals(1, counting.statements());
        }
    }

    @Test
    void chunkLimitAboveTheDialectsParameterLimitIsRefused() {
        int limit = db.dialect().maxParameters();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UserOrdersLoader(db.dialect(), limit + 1));
        assertEquals("maxIdsPerQuery must be between 1 and " + limit + " (the " + db.dialect() + " bind parameter limit), was " + (limit + 1), e.getMessage());
    }
}
