package dev.dbbench.bench.postgres.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.bench.question.index.IndexLookup.Keys;
import dev.dbbench.bench.question.index.IndexLookup.Table;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideQueries;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.QueryPlan;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each pair of variants returns the same rows for the same key sequence, and the indexed variant's
 * query really uses its index (the covering one from the index alone) and the plain one does not,
 * on small tables.
 */
class PgIndexBenchmarkTest {
    static final int USERS = 5_000;
    static final int ORDERS = 20_000;
    static final int ORDER_USERS = 2_000;
    static final int LOOKUPS = 50;

    final PgIndexBenchmark bench = new PgIndexBenchmark();

    @Test
    void emailVariantsReturnTheSameUsers() throws Exception {
        List<Object> plain = run(new PgIndexBenchmark.PlainUsers(), (t, k) -> bench.emailNoIndex((PgIndexBenchmark.PlainUsers) t, k));
        List<Object> indexed = run(new PgIndexBenchmark.EmailIndex(), (t, k) -> bench.emailIndexed((PgIndexBenchmark.EmailIndex) t, k));
        assertEquals(plain, indexed);
        assertTrue(plain.stream().allMatch(r -> ((List<?>) r).size() == 1), "every email belongs to one user");
    }

    @Test
    void activeEmailVariantsReturnTheSameUsers() throws Exception {
        List<Object> plain = run(new PgIndexBenchmark.PlainUsers(), (t, k) -> bench.activeEmailNoIndex((PgIndexBenchmark.PlainUsers) t, k));
        List<Object> partial = run(new PgIndexBenchmark.ActiveUsersIndex(), (t, k) -> bench.activeEmailPartialIndex((PgIndexBenchmark.ActiveUsersIndex) t, k));
        assertEquals(plain, partial);
        assertTrue(plain.stream().allMatch(r -> ((List<?>) r).size() == 1), "the active keys are active users");
    }

    @Test
    void ordersSinceVariantsReturnTheSameOrders() throws Exception {
        List<Object> plain = run(new PgIndexBenchmark.PlainOrders(), (t, k) -> bench.ordersSinceNoIndex((PgIndexBenchmark.PlainOrders) t, k));
        List<Object> composite = run(new PgIndexBenchmark.UserDateIndex(), (t, k) -> bench.ordersSinceCompositeIndex((PgIndexBenchmark.UserDateIndex) t, k));
        assertEquals(plain, composite);
        assertTrue(plain.stream().anyMatch(r -> !((List<?>) r).isEmpty()), "some users have orders in the second half");
    }

    @Test
    void totalsVariantsReturnTheSameTotals() throws Exception {
        List<Object> plain = run(new PgIndexBenchmark.PlainOrders(), (t, k) -> bench.totalsNoIndex((PgIndexBenchmark.PlainOrders) t, k));
        List<Object> covering = run(new PgIndexBenchmark.CoveringIndex(), (t, k) -> bench.totalsCoveringIndex((PgIndexBenchmark.CoveringIndex) t, k));
        assertEquals(plain, covering);
        assertTrue(plain.stream().anyMatch(r -> !((List<?>) r).isEmpty()), "some users have paid orders");
    }

    @Test
    void eachIndexedStateHasOnlyItsIndexAndItsQueryUsesIt() throws Exception {
        LocalDateTime since = GuideTables.EPOCH;
        assertPlan(new PgIndexBenchmark.PlainUsers(), GuideQueries.USER_BY_EMAIL, plan -> plan.scansTable("users"), "user7@example.com");
        assertPlan(new PgIndexBenchmark.EmailIndex(), GuideQueries.USER_BY_EMAIL, plan -> plan.usesIndex("idx_users_email"), "user7@example.com");
        assertPlan(new PgIndexBenchmark.ActiveUsersIndex(), GuideQueries.ACTIVE_USER_BY_EMAIL, plan -> plan.usesIndex("idx_active_users"), "user5@example.com");
        assertPlan(new PgIndexBenchmark.PlainOrders(), GuideQueries.ORDERS_OF_USER_SINCE, plan -> plan.scansTable("orders"), 7L, since);
        assertPlan(new PgIndexBenchmark.UserDateIndex(), GuideQueries.ORDERS_OF_USER_SINCE, plan -> plan.usesIndex("idx_orders_user_date"), 7L, since);
        assertPlan(new PgIndexBenchmark.PlainOrders(), GuideQueries.TOTALS_OF_USER_BY_STATUS, plan -> plan.scansTable("orders"), 7L, "paid");
        assertPlan(new PgIndexBenchmark.CoveringIndex(), GuideQueries.TOTALS_OF_USER_BY_STATUS, plan -> plan.indexOnly("idx_orders_covering"), 7L, "paid");
    }

    interface Variant {
        Object run(Table t, Keys k) throws Exception;
    }

    private List<Object> run(Table table, Variant variant) throws Exception {
        small(table);
        Keys keys = keys();
        table.createTableFor(PgIndexBenchmark.class);
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
        table.createTableFor(PgIndexBenchmark.class);
        try {
            QueryPlan plan = QueryPlan.explain(table.connection, Dialect.POSTGRES, sql, params);
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
