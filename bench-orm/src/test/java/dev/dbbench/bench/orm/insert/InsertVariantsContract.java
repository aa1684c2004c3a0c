package dev.dbbench.bench.orm.insert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.bench.orm.StatementCounter;
import dev.dbbench.core.orm.UserOrdersLoader;
import dev.dbbench.core.orm.UserWithOrders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Every variant of the class leaves the same rows (ids aside) from empty tables, and counts the
 * statements it sent, run at a small size through the benchmark's own methods.
 */
abstract class InsertVariantsContract {
    static final int USERS = 230;

    abstract OrmInsert benchmark();

    /** The variants of the class by name, each one call of its benchmark method. */
    abstract Map<String, ToIntFunction<StatementCounter>> variants(OrmInsert bench);

    /** Statements per variant at {@link #USERS} users. */
    abstract Map<String, Integer> expectedStatements();

    @Test
    void variantsLeaveEqualRowsAndCountTheirStatements() throws Exception {
        OrmInsert bench = benchmark();
        bench.users = USERS;
        bench.open();
        try {
            List<String> expected = null;
            Map<String, Integer> statements = new LinkedHashMap<>();
            for (Map.Entry<String, ToIntFunction<StatementCounter>> v : variants(bench).entrySet()) {
                bench.empty();
                StatementCounter counter = new StatementCounter();
                counter.clear();
                int sent = v.getValue().applyAsInt(counter);
                assertEquals(sent, counter.statementsPerOp(), 1e-9);
                statements.put(v.getKey(), sent);
                List<String> rows = content(bench);
                assertEquals(USERS * (1 + OrmInsert.ORDERS_PER_USER), rows.size(), v.getKey());
                if (expected == null) {
                    expected = rows;
                }
                assertEquals(expected, rows, v.getKey() + " leaves other rows than " + variants(bench).keySet().iterator().next());
            }
            assertEquals(expectedStatements(), statements);
        } finally {
            bench.drop();
        }
    }

    private static List<String> content(OrmInsert bench) throws Exception {
        List<String> rows = new ArrayList<>();
        for (UserWithOrders u : new UserOrdersLoader(bench.db.dialect()).join(bench.db.jdbc())) {
            rows.add(u.user().email() + "|" + u.user().name() + "|" + u.user().active() + "|" + u.user().createdAt());
            u.orders().forEach(o -> rows.add(u.user().email() + "|" + o.total() + "|" + o.status() + "|" + o.createdAt()));
        }
        bench.db.takeStatements();
        rows.sort(null);
        return rows;
    }
}
