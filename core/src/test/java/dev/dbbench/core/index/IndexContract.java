package dev.dbbench.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guide's indexes on a real database: each is created, the planner is asked how it runs the
 * query the index is for, and the query returns the same rows with and without it. Each test
 * creates the tables, fills them and drops them.
 */
abstract class IndexContract {
    // Enough rows that a planner with fresh statistics prefers an index to reading the table.
    static final int USERS = 20_000;
    static final int ORDERS = 100_000;

    Database db;
    Connection c;
    GuideQueries queries;

    abstract Database database();

    /** How this database binds {@code created_at} for {@link QueryPlan#explain}. */
    abstract Object timestampParameter(LocalDateTime value);

    @BeforeEach
    void createTables() throws SQLException {
        db = database();
        c = db.open();
        GuideTables.create(c, db.dialect());
        assertEquals(USERS, GuideTables.insertUsers(c, db.dialect(), 1, USERS));
        assertEquals(ORDERS, GuideTables.insertOrders(c, db.dialect(), ORDERS, USERS));
        GuideTables.analyze(c, db.dialect());
        queries = new GuideQueries(db.dialect());
    }

    @AfterEach
    void dropTables() throws SQLException {
        try {
            GuideTables.drop(c);
            c.close();
        } finally {
            db.close();
        }
    }

    @Test
    void generatedRowsAreAsDescribed() throws SQLException {
        List<GuideUser> users = queries.usersByEmail(c, "user15@example.com");
        assertEquals(1, users.size());
        GuideUser u = users.get(0);
        assertEquals(new GuideUser(15, "user15@example.com", "User 15", true, GuideTables.createdAt(15), u.bio()), u);
        assertEquals(GuideTables.BIO_LENGTH, u.bio().length());
        assertTrue(u.bio().startsWith("Bio of user 15:"), u.bio());
        assertFalse(queries.usersByEmail(c, "user16@example.com").get(0).active());

        // Order i belongs to user 1 + (i - 1) % USERS: user 7 has orders 7, 20007, 40007, ...
        List<GuideOrder> orders = queries.ordersOfUserSince(c, 7, GuideTables.EPOCH);
        assertEquals(ORDERS / USERS, orders.size());
        assertEquals(new GuideOrder(7, 7, 0.07, "pending", GuideTables.createdAt(7)), orders.get(0));
        assertEquals(List.of("pending", "paid", "shipped", "cancelled", "pending"), orders.stream().map(GuideOrder::status).toList());
    }

    @Test
    void emailLookupUsesTheSingleColumnIndex() throws SQLException {
        List<GuideUser> before = queries.usersByEmail(c, "user12345@example.com");
        assertTrue(plan(GuideQueries.USER_BY_EMAIL, "user12345@example.com").scansTable("users"));

        Indexes.create(c, db.dialect(), GuideIndexes.USERS_EMAIL);
        GuideTables.analyze(c, db.dialect());

        QueryPlan plan = plan(GuideQueries.USER_BY_EMAIL, "user12345@example.com");
        assertTrue(plan.usesIndex("idx_users_email"), plan::toString);
        assertFalse(plan.scansTable("users"), plan::toString);
        assertEquals(before, queries.usersByEmail(c, "user12345@example.com"));
        assertEquals(12345, before.get(0).id());
    }

    @Test
    void userAndDateRangeUseTheCompositeIndex() throws SQLException {
        LocalDateTime since = GuideTables.createdAt(50_000);
        List<GuideOrder> before = queries.ordersOfUserSince(c, 42, since);

        Indexes.create(c, db.dialect(), GuideIndexes.ORDERS_USER_DATE);
        GuideTables.analyze(c, db.dialect());

        QueryPlan plan = plan(GuideQueries.ORDERS_OF_USER_SINCE, 42L, timestampParameter(since));
        assertTrue(plan.usesIndex("idx_orders_user_date"), plan::toString);
        assertFalse(plan.scansTable("orders"), plan::toString);
        List<GuideOrder> after = queries.ordersOfUserSince(c, 42, since);
        assertEquals(before, after);
        assertEquals(List.of(60_042L, 80_042L), after.stream().map(GuideOrder::id).toList());
    }

    @Test
    void activeLookupUsesThePartialIndexOnlyWhenItNamesTheCondition() throws SQLException {
        List<GuideUser> before = queries.activeUsersByEmail(c, "user500@example.com");

        Indexes.create(c, db.dialect(), GuideIndexes.ACTIVE_USERS);
        GuideTables.analyze(c, db.dialect());

        QueryPlan active = plan(GuideQueries.ACTIVE_USER_BY_EMAIL, "user500@example.com");
        assertTrue(active.usesIndex("idx_active_users"), active::toString);
        // Without "is_active" in the WHERE clause the index could miss rows, so it must not be used.
        QueryPlan any = plan(GuideQueries.USER_BY_EMAIL, "user500@example.com");
        assertFalse(any.usesIndex("idx_active_users"), any::toString);

        assertEquals(before, queries.activeUsersByEmail(c, "user500@example.com"));
        assertEquals(1, before.size());
        assertEquals(List.of(), queries.activeUsersByEmail(c, "user501@example.com"));
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IndexDefinition.Single("idx_x; DROP TABLE users", "users", "email"));
        assertEquals("index name must match [a-z_][a-z0-9_]* (names come from code, not input), was \"idx_x; DROP TABLE users\"", e.getMessage());

        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> new IndexDefinition.Composite("idx_one", "orders", List.of("user_id")));
        assertEquals("composite index idx_one needs at least 2 columns, was [user_id]. Use IndexDefinition.Single for one", one.getMessage());
    }

    @Test
    void creatingAnIndexTwiceNamesTheIndex() {
        Indexes.create(c, db.dialect(), GuideIndexes.USERS_EMAIL);
        RuntimeException e = assertThrows(RuntimeException.class, () -> Indexes.create(c, db.dialect(), GuideIndexes.USERS_EMAIL));
        assertTrue(e.getMessage().startsWith("[" + (db.dialect() == Dialect.SQLITE ? "sqlite" : "postgres") + "] create index idx_users_email on users failed ("),
                e.getMessage());
        Indexes.drop(c, db.dialect(), GuideIndexes.USERS_EMAIL);
        Indexes.create(c, db.dialect(), GuideIndexes.USERS_EMAIL);
    }

    QueryPlan plan(String sql, Object... params) {
        return QueryPlan.explain(c, db.dialect(), sql, params);
    }
}
