package dev.dbbench.bench.sqlite.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.bench.question.index.IndexLookup.Keys;
import dev.dbbench.bench.question.index.IndexLookup.Table;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideQueries;
import dev.dbbench.core.index.QueryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each pair of variants returns the same rows for the same key sequence, and the indexed variant's
 * query really uses its index (and the plain one does not), on small tables.
 */
class SqliteIndexBenchmarkTest {
    static final int USERS = 5_000;
    static final int ORDERS = 20_000;
    static final int ORDER_USERS = 2_000;
    static final int LOOKUPS = 50;

    final SqliteIndexBenchmark bench = new SqliteIndexBenchmark();

    @Test
    void emailVariantsReturnTheSameUsers() throws Exception {
        List<Object> plain = run(new SqliteIndexBenchmark.PlainUsers(), (t, k) -> bench.emailNoIndex((SqliteIndexBenchmark.PlainUsers) t, k));
        List<Object> indexed = run(new SqliteIndexBenchmark.EmailIndex(), (t, k) -> bench.emailIndexed((SqliteIndexBenchmark.EmailIndex) t, k));
        assertEquals(plain, indexed);
        assertTrue(plain.stream().allMatch(r -> ((List<?>) r).size() == 1), "every email belongs to one user");
    }

    @Test
    void activeEmailVariantsReturnTheSameUsers() throws Exception {
        List<Object> plain = run(new SqliteIndexBenchmark.PlainUsers(), (t, k) -> bench.activeEmailNoIndex((SqliteIndexBenchmark.PlainUsers) t, k));
        List<Object> partial = run(new SqliteIndexBenchmark.ActiveUsersIndex(), (t, k) -> bench.activeEmailPartialIndex((SqliteIndexBenchmark.ActiveUsersIndex) t, k));
        assertEquals(plain, partial);
        assertTrue(plain.stream().allMatch(r -> ((List<?>) r).size() == 1), "the active keys are active users");
    }

    @Test
    void ordersSinceVariantsReturnTheSameOrders() throws Exception {
        List<Object> plain = run(new SqliteIndexBenchmark.PlainOrders(), (t, k) -> bench.ordersSinceNoIndex((SqliteIndexBenchmark.PlainOrders) t, k));
        List<Object> composite = run(new SqliteIndexBenchmark.UserDateIndex(), (t, k) -> bench.ordersSinceCompositeIndex((SqliteIndexBenchmark.UserDateIndex) t, k));
        assertEquals(plain, composite);
        assertTrue(plain.stream().anyMatch(r -> !((List<?>) r).isEmpty()), "some users have orders in the second half");
    }

    @Test
    void eachIndexedStateHasOnlyItsIndexAndItsQueryUsesIt() throws Exception {
        String since = "2024-01-01 00:00:00";
        assertPlan(new SqliteIndexBenchmark.PlainUsers(), GuideQueries.USER_BY_EMAIL, plan -> plan.scansTable("users"), "user7@example.com");
        assertPlan(new SqliteIndexBenchmark.EmailIndex(), GuideQueries.USER_BY_EMAIL, plan -> plan.usesIndex("idx_users_email"), "user7@example.com");
        assertPlan(new SqliteIndexBenchmark.ActiveUsersIndex(), GuideQueries.ACTIVE_USER_BY_EMAIL, plan -> plan.usesIndex("idx_active_users"), "user5@example.com");
        assertPlan(new SqliteIndexBenchmark.PlainOrders(), GuideQueries.ORDERS_OF_USER_SINCE, plan -> plan.scansTable("orders"), 7L, since);
        assertPlan(new SqliteIndexBenchmark.UserDateIndex(), GuideQueries.ORDERS_OF_USER_SINCE, plan -> plan.usesIndex("idx_orders_user_date"), 7L, since);
    }

    interface Variant {
        Object run(Table t, Keys k) throws Exception;
    }

    private List<Object> run(Table table, Variant variant) throws Exception {
        small(table);
        Keys keys = keys();
        table.createTableFor(SqliteIndexBenchmark.class);
        try {
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < LOOKUPS; i++) {
                results.add(variant.run(table, keys));
            }
            return results;
        } finally {
            table.removeTable();
        }
    }

    private void assertPlan(Table table, String sql, Predicate<QueryPlan> check, Object... params) throws Exception {
        small(table);
        table.createTableFor(SqliteIndexBenchmark.class);
        try {
            QueryPlan plan = QueryPlan.explain(table.connection, Dialect.SQLITE, sql, params);
            assertTrue(check.test(plan), plan::toString);
            if (table.index() != null) {
                assertFalse(plan.scansTable(table.index().table()), plan::toString);
            }
        } finally {
            table.removeTable();
        }
    }

    private static void small(Table table) {
        table.users = USERS;
        table.orders = ORDERS;
        table.orderUsers = ORDER_USERS;
    }

    private static Keys keys() {
        Keys keys = new Keys();
        keys.users = USERS;
        keys.orders = ORDERS;
        keys.orderUsers = ORDER_USERS;
        keys.draw();
        return keys;
    }
}
